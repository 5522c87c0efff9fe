package dev.sluice.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a restart, the first request for a pipe that ran less than the freshness window ago is
 * answered with what that run made, as the lost in-memory cache would have answered it: the
 * upstream is not asked again (here it changed meanwhile, so a run would show). A new version,
 * an expired output or a pipe whose content changes without a save (a sub-pipe) runs again.
 */
class StoredOutputsTest {
    BenchServer upstream;
    TestServer server;

    @BeforeEach
    void start() {
        upstream = new BenchServer();
        upstream.serve("news.xml", rss("Before the restart"));
        server = TestServer.standard();
    }

    @AfterEach
    void stop() {
        server.close();
        upstream.close();
    }

    @Test
    void aFreshOutputAnswersTheFirstRequestAfterARestartUnchanged() {
        StoredPipe pipe = server.save("ann@example.org", "News", feedPipe(), true);
        HttpResponse<String> before = server.get("/feed/" + pipe.id());
        assertThat(before.body()).contains("Before the restart");
        upstream.serve("news.xml", rss("After the restart"));
        int hits = upstream.hits("news.xml");

        restart();
        HttpResponse<String> after = server.get("/feed/" + pipe.id());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Before the restart").doesNotContain("After the restart");
        assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
        assertThat(after.headers().firstValue("Last-Modified")).isEqualTo(before.headers().firstValue("Last-Modified"));
        assertThat(after.headers().firstValue("X-Sluice-Stale")).isEmpty();
        assertThat(server.sluice.outputs().runs()).as("no run after the restart").isZero();
        assertThat(upstream.hits("news.xml")).as("the upstream is not asked again").isEqualTo(hits);
        assertThat(server.get("/feed/" + pipe.id() + ".atom").body()).as("other formats from the same output")
                .contains("Before the restart");
    }

    @Test
    void anOutputOlderThanTheFreshnessWindowRunsAgain() {
        StoredPipe pipe = server.save("ann@example.org", "News", feedPipe(), true);
        server.get("/feed/" + pipe.id());
        upstream.serve("news.xml", rss("After the restart"));

        restart();
        server.clock.advance(Duration.ofMinutes(11)); // the default window is 10 minutes
        assertThat(server.get("/feed/" + pipe.id()).body()).contains("After the restart");
        assertThat(server.sluice.outputs().runs()).isEqualTo(1);
    }

    @Test
    void aNewVersionOfThePipeRunsAgain() {
        StoredPipe pipe = server.save("ann@example.org", "News", feedPipe(), true);
        server.get("/feed/" + pipe.id());
        upstream.serve("news.xml", rss("After the restart"));

        restart();
        server.update(server.sluice.pipeRepository().find(pipe.id()).orElseThrow(), feedPipe());
        assertThat(server.get("/feed/" + pipe.id()).body()).contains("After the restart");
    }

    @Test
    void aPipeReadingAnotherPipeRunsAgain() {
        StoredPipe child = server.save("ann@example.org", "Child", feedPipe(), false);
        StoredPipe parent = server.save("ann@example.org", "Parent", """
                {"blocks":[
                {"id":"sub","type":"PipeBlock","userinputs":["%s"],"inputs":[],"textinputs":[{}]},
                {"id":"output","type":"OutputBlock","userinputs":[""],"inputs":[{"from":"sub","from_output_slot":0}],"textinputs":[]}
                ]}""".formatted(child.id()), true);
        assertThat(server.get("/feed/" + parent.id()).body()).contains("Before the restart");
        upstream.serve("news.xml", rss("After the restart"));

        restart();
        assertThat(server.get("/feed/" + parent.id()).body())
                .as("the sub-pipe may have been saved while this node was down").contains("After the restart");
    }

    @Test
    void theStoredOutputIsKeptPerParameters() {
        upstream.serve("other.xml", rss("Another feed"));
        StoredPipe pipe = server.save("ann@example.org", "News", """
                {"blocks":[
                {"id":"url","type":"TextinputBlock","userinputs":["url","%s"],"inputs":[],"textinputs":[]},
                {"id":"feed1","type":"FeedBlock","userinputs":[""],"inputs":[],"textinputs":[{"from":"url","from_output_slot":0}]},
                {"id":"output","type":"OutputBlock","userinputs":[""],"inputs":[{"from":"feed1","from_output_slot":0}],"textinputs":[]}
                ]}""".formatted(upstream.fastUrl(1, "news.xml")), true);
        String news = "/feed/" + pipe.id() + "?url=" + upstream.fastUrl(1, "news.xml");
        String other = "/feed/" + pipe.id() + "?url=" + upstream.fastUrl(1, "other.xml");
        assertThat(server.get(news).body()).contains("Before the restart");
        upstream.serve("news.xml", rss("After the restart"));

        restart();
        assertThat(server.get(news).body()).contains("Before the restart");
        assertThat(server.get(other).body()).as("never stored: runs").contains("Another feed");
        assertThat(server.sluice.outputs().runs()).isEqualTo(1);
    }

    private void restart() {
        server.close();
        server = new TestServer(Map.of(), server.dataDir);
    }

    private String feedPipe() {
        return """
                {"blocks":[
                {"id":"feed1","type":"FeedBlock","userinputs":["%s"],"inputs":[],"textinputs":[{}]},
                {"id":"output","type":"OutputBlock","userinputs":[""],"inputs":[{"from":"feed1","from_output_slot":0}],"textinputs":[]}
                ]}""".formatted(upstream.fastUrl(1, "news.xml"));
    }

    private static byte[] rss(String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>News</title><link>https://news.example/</link><description>d</description>
                <item><title>%s</title><link>https://news.example/1</link><guid>https://news.example/1</guid>
                <description>&lt;p&gt;%s&lt;/p&gt;</description></item>
                </channel></rss>""".formatted(title, title).getBytes(StandardCharsets.UTF_8);
    }
}
