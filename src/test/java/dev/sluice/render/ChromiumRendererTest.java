package dev.sluice.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.block.BlockError;
import dev.sluice.fetch.AddressPolicy;
import dev.sluice.fetch.Download;
import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.HttpDownloader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real headless Chromium against pages on loopback. The downloader refuses private addresses
 * except the page's own (127.0.0.2), like production refuses them all: whatever a page's
 * scripts ask for elsewhere (here 127.0.0.1) must never arrive there.
 */
class ChromiumRendererTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Duration BUDGET = Duration.ofSeconds(20);

    private final java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private MockWebServer site;
    private MockWebServer forbidden;
    private HttpDownloader downloader;
    private ChromiumRenderer renderer;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "JavaScript rendering tests need Chromium at " + CHROMIUM
                + " (apt-get install -y chromium)");
    }

    @BeforeEach
    void start() throws IOException {
        site = new MockWebServer();
        site.start(InetAddress.getByName("127.0.0.2"), 0);
        forbidden = new MockWebServer();
        forbidden.start(InetAddress.getByName("127.0.0.1"), 0);
        FetchConfig config = FetchConfig.defaults(FetchConfig.userAgent("test", "http://sluice.test"))
                .withAllowPrivateNetworks(false).withHostSpacing(Duration.ZERO);
        downloader = HttpDownloader.builder(config)
                .addressPolicy(AddressPolicy.publicOnly().alsoAllowing(InetAddress.getByName("127.0.0.2"))).build();
        renderer = new ChromiumRenderer(CHROMIUM, downloader);
    }

    @AfterEach
    void stop() throws IOException {
        downloader.close();
        site.shutdown();
        forbidden.shutdown();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("browser processes left behind").isEmpty();
    }

    private void serve(Map<String, MockResponse> paths) {
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                asked.add(request.getPath());
                MockResponse r = paths.get(request.getPath());
                return r != null ? r : new MockResponse().setResponseCode(404);
            }
        });
    }

    private static MockResponse html(String body) {
        return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(body);
    }

    private String page() {
        return "http://127.0.0.2:" + site.getPort() + "/page.html";
    }

    private static String text(Download d) {
        return new String(d.body(), StandardCharsets.UTF_8);
    }

    @Test
    void scriptsRunAndTheirRequestsAreAnsweredThroughTheDownloader() {
        serve(Map.of("/page.html", html("<html><body><script>"
                        + "document.body.insertAdjacentHTML('beforeend', '<p id=\"x\">rendered</p>');"
                        + "fetch('/data.json').then(r => r.json()).then(d => {"
                        + "  document.body.insertAdjacentHTML('beforeend', '<p id=\"y\">' + d.text + '</p>'); });"
                        + "</script></body></html>"),
                "/data.json", new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"text\":\"from the XHR\"}")));

        Download d = renderer.render(page(), BUDGET);

        assertThat(text(d)).contains("<p id=\"x\">rendered</p>").contains("<p id=\"y\">from the XHR</p>");
        assertThat(d.contentType()).startsWith("text/html");
        assertThat(d.finalUrl()).isEqualTo(page());
        assertThat(asked).as("the page and its data, each once").containsExactlyInAnyOrder("/page.html", "/data.json");
    }

    @Test
    void requestsToRefusedAddressesNeverLeaveAndThePageStillRenders() {
        String elsewhere = "http://127.0.0.1:" + forbidden.getPort();
        serve(Map.of("/page.html", html("<html><body><img src='" + elsewhere + "/pixel.gif'>"
                + "<script>fetch('" + elsewhere + "/secret').catch(e => {"
                + "  document.body.insertAdjacentHTML('beforeend', '<p id=\"z\">refused</p>'); });"
                + "new WebSocket('ws://127.0.0.1:" + forbidden.getPort() + "/ws');"
                + "</script><p>static</p></body></html>")));

        Download d = renderer.render(page(), BUDGET);

        assertThat(text(d)).contains("<p>static</p>").contains("<p id=\"z\">refused</p>");
        assertThat(forbidden.getRequestCount()).isZero();
    }

    @Test
    void aPageThatNeverFinishesLoadingYieldsWhatRenderedAtTheBudget() {
        serve(Map.of("/page.html", html("<html><body><p>before</p><img src='/hangs.gif'>"
                        + "<script>document.body.insertAdjacentHTML('beforeend', '<p id=\"x\">rendered</p>');</script>"
                        + "</body></html>"),
                "/hangs.gif", new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)));

        long start = System.nanoTime();
        Download d = renderer.render(page(), Duration.ofSeconds(4));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(text(d)).contains("<p>before</p>").contains("<p id=\"x\">rendered</p>");
        assertThat(tookMs).as("returned at the budget").isLessThan(8000);
    }

    @Test
    void aRefusedPageIsAClearErrorAndStartsNoBrowser() {
        String url = "http://127.0.0.1:" + forbidden.getPort() + "/page.html";

        assertThatThrownBy(() -> renderer.render(url, BUDGET)).isInstanceOf(BlockError.class)
                .hasMessageContaining("127.0.0.1 is a loopback address, refused");
        assertThat(forbidden.getRequestCount()).isZero();
    }
}
