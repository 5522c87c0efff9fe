package dev.sluice.websub;

import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static dev.sluice.websub.HubFixtures.path;
import static dev.sluice.websub.HubFixtures.subscribe;
import static dev.sluice.websub.HubFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code SLUICE_WEBSUB_HUB} set, feeds name that hub, the built-in one refuses requests, and
 * the external hub is pinged ({@code hub.mode=publish}, {@code hub.url=<feed>}) for each format
 * when a run's items changed — only then.
 */
class WebSubExternalHubTest {
    static MockWebServer externalHub = new MockWebServer();
    static TestServer server;
    static String hubUrl;

    @BeforeAll
    static void start() throws IOException {
        externalHub.start(java.net.InetAddress.getLoopbackAddress(), 0);
        hubUrl = externalHub.url("/hub").toString();
        server = new TestServer(Map.of("SLUICE_WEBSUB_HUB", hubUrl));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        externalHub.shutdown();
    }

    static Set<String> pings(int n) throws InterruptedException {
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < n; i++) {
            RecordedRequest r = externalHub.takeRequest(20, TimeUnit.SECONDS);
            assertThat(r).as("ping %d of %d", i + 1, n).isNotNull();
            assertThat(r.getMethod()).isEqualTo("POST");
            assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            String form = r.getBody().readString(StandardCharsets.UTF_8);
            assertThat(form).startsWith("hub.mode=publish&hub.url=");
            urls.add(URLDecoder.decode(form.substring("hub.mode=publish&hub.url=".length()), StandardCharsets.UTF_8));
        }
        return urls;
    }

    @Test
    void feedsNameTheExternalHubWhichIsPingedWhenItemsChange() throws Exception {
        try (Upstream upstream = new Upstream("One")) {
            StoredPipe pipe = server.save("owner@example.org", "Pinged", pipe(feed("f", upstream.url()), output("f")), true);
            String rss = topic(server, pipe, OutputFormat.RSS);
            var first = server.get(path(rss));
            assertThat(first.headers().firstValue("Link")).hasValue("<" + hubUrl + ">; rel=\"hub\", <" + rss + ">; rel=\"self\"");
            assertThat(first.body()).contains("<atom:link href=\"" + hubUrl + "\" rel=\"hub\" />");
            Set<String> all = Set.of(rss, topic(server, pipe, OutputFormat.ATOM), topic(server, pipe, OutputFormat.JSON));
            assertThat(pings(3)).as("the first output seen is news to the hub").isEqualTo(all);

            upstream.items("Sun, 07 Jan 2024 00:00:00 GMT", "One"); // the same items
            server.clock.advance(Duration.ofMinutes(11));
            server.get(path(rss));
            upstream.items("Sun, 07 Jan 2024 00:00:00 GMT", "Two", "One");
            server.clock.advance(Duration.ofMinutes(11));
            assertThat(server.get(path(rss)).body()).contains("Two");
            assertThat(pings(3)).isEqualTo(all);
            assertThat(externalHub.takeRequest(1, TimeUnit.SECONDS)).as("nothing for the unchanged run").isNull();
        }
    }

    @Test
    void theBuiltInHubSendsSubscribersToTheExternalOne() {
        var r = subscribe(server, server.sluice.config().baseUrl() + "/feed/x.rss", "http://127.0.0.1:9/cb");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("pushed by the hub at " + hubUrl);
    }
}
