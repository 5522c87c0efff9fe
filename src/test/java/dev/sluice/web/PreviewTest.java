package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The preview page renders hostile feed content inert. */
class PreviewTest {
    static final String HOSTILE = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Evil &lt;script&gt;alert(1)&lt;/script&gt;</title>
            <link>https://evil.example.org/</link><description>d</description>
            <item><title>&lt;script&gt;alert('title')&lt;/script&gt;Hello</title><link>javascript:alert(1)</link>
            <guid>evil-1</guid><description><![CDATA[<p>Text<script>alert(1)</script><img src="https://img.example.org/a.png" onerror="alert(2)">
            <a href="javascript:alert(3)">click</a><a href="https://ok.example.org/">ok</a>
            <svg><script>alert(4)</script></svg><iframe src="https://evil.example.org/"></iframe>
            <div style="background:url(javascript:alert(5))" onclick="alert(6)">x</div></p>]]></description></item>
            </channel></rss>
            """;

    @Test
    void hostileItemsRenderInert() {
        try (BenchServer upstream = new BenchServer(); TestServer server = TestServer.standard()) {
            upstream.serve("evil.xml", HOSTILE.strip().getBytes(StandardCharsets.UTF_8));
            String json = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinputs\":[\"" + upstream.fastUrl(1, "evil.xml") + "\"]}]}";
            StoredPipe pipe = server.save("eve@example.org", "<b>Evil</b> pipe", json, true);
            HttpResponse<String> r = server.get("/preview/" + pipe.id());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
            String html = r.body().toLowerCase();
            assertThat(html).doesNotContain("<script").doesNotContain("onerror").doesNotContain("onclick")
                    .doesNotContain("javascript:").doesNotContain("<iframe").doesNotContain("<svg").doesNotContain("alert(5)");
            assertThat(r.body()).contains("&lt;b&gt;Evil&lt;/b&gt; pipe").contains("https://img.example.org/a.png")
                    .contains("href=\"https://ok.example.org/\"");
            assertThat(server.get("/feedpreview/" + pipe.id()).statusCode()).isEqualTo(200);
        }
    }
}
