package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Extract picker's page endpoint against real upstreams on loopback. */
class PickerPageTest {
    static final String LIST_PAGE = """
            <!doctype html><html><head><title>Shop</title><script>document.title='pwned'</script></head>
            <body onload="alert(1)"><ul id="products"><li class="product">A</li><li class="product">B</li></ul>
            <img src="x.png" onerror="alert(2)"></body></html>""";

    static TestServer server;
    MockWebServer upstream;

    @BeforeAll
    static void start() {
        // The frame script is loaded from the base URL (like the editor, which the origin check ties to it).
        server = TestServer.forBrowser(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void upstream() throws IOException {
        upstream = new MockWebServer();
        upstream.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void closeUpstream() throws IOException {
        upstream.close();
    }

    HttpResponse<String> pick(TestServer on, String pageUrl) {
        return on.get(PickerPage.PATH + "?url=" + java.net.URLEncoder.encode(pageUrl, java.nio.charset.StandardCharsets.UTF_8),
                "Cookie", dev.sluice.auth.Sessions.COOKIE + "=" + on.session("picker@example.org"));
    }

    @Test
    void servesTheInertPageWithItsOwnPolicyAndOurFrameScript() {
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(LIST_PAGE));
        String url = upstream.url("/shop/list").toString();

        HttpResponse<String> r = pick(server, url);

        assertThat(r.statusCode()).isEqualTo(200);
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src " + server.url(PickerPage.FRAME_SCRIPT) + ";", "connect-src 'none'",
                "form-action 'none'", "frame-src 'none'", "default-src 'none'");
        assertThat(csp).as("an opaque origin even when opened directly").endsWith("; sandbox allow-scripts");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("ul#products > li.product")).hasSize(2);
        assertThat(page.select("base").attr("href")).isEqualTo(url);
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("script").attr("src")).isEqualTo(server.url(PickerPage.FRAME_SCRIPT));
        assertThat(r.body()).doesNotContain("pwned", "alert(");
    }

    @Test
    void refusesWhatTheSsrfGuardRefusesWithoutContactingIt() {
        // A server that does not allow private networks: both a DNS name and an address on loopback are refused.
        try (TestServer guarded = new TestServer(Map.of("SLUICE_ALLOW_PRIVATE_NETWORKS", "false"))) {
            for (String url : new String[] {"http://localhost:" + upstream.getPort() + "/", upstream.url("/").toString()}) {
                HttpResponse<String> r = pick(guarded, url);
                assertThat(r.statusCode()).as(url).isEqualTo(400);
                assertThat(Jsoup.parse(r.body()).select("#sluice-picker-error").text()).as(url).containsIgnoringCase("refused");
            }
        }
        assertThat(upstream.getRequestCount()).isZero();
    }

    @Test
    void refusesPagesOverTheLimitClearly() {
        Buffer big = new Buffer();
        String row = "<p class=\"row\">" + "x".repeat(1000) + "</p>\n";
        while (big.size() <= PickerPage.MAX_PAGE_BYTES) {
            big.writeUtf8(row);
        }
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(big));

        HttpResponse<String> r = pick(server, upstream.url("/huge").toString());

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(r.body()).select("#sluice-picker-error").text()).contains("up to 2 MiB");
    }

    @Test
    void showsUpstreamErrorsClearly() throws IOException {
        upstream.enqueue(new MockResponse().setResponseCode(404).setBody("gone"));
        HttpResponse<String> notFound = pick(server, upstream.url("/missing").toString());
        assertThat(notFound.statusCode()).isEqualTo(502);
        assertThat(errorOf(notFound)).contains("404");

        upstream.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"a\":1}"));
        HttpResponse<String> json = pick(server, upstream.url("/data.json").toString());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(errorOf(json)).contains("application/json", "JSONPath");

        int closed = upstream.getPort();
        upstream.close();
        HttpResponse<String> down = pick(server, "http://127.0.0.1:" + closed + "/gone-" + closed);
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(errorOf(down)).isNotBlank();

        HttpResponse<String> noUrl = server.get(PickerPage.PATH, "Cookie", dev.sluice.auth.Sessions.COOKIE + "=" + server.session("picker@example.org"));
        assertThat(noUrl.statusCode()).isEqualTo(400);
        assertThat(errorOf(noUrl)).contains("address");
    }

    @Test
    void theErrorPageEscapesTheMessageAndStillCarriesOurScript() {
        HttpResponse<String> r = pick(server, "ftp://<b>x</b>/\" onload=\"alert(1)");
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("b")).isEmpty();
        assertThat(page.select("[onload]")).isEmpty();
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("script").attr("data-error")).isEqualTo(errorOf(r)).contains("<b>x</b>");
    }

    @Test
    void anonymousCallersAreSentToLogIn() {
        HttpResponse<String> r = server.get(PickerPage.PATH + "?url=" + upstream.url("/"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/login");
        assertThat(upstream.getRequestCount()).isZero();
    }

    static String errorOf(HttpResponse<String> r) {
        return Jsoup.parse(r.body()).select("#sluice-picker-error").text();
    }
}
