package dev.sluice.redis;

import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.hook.HookFixtures;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two whole Sluice instances in one JVM on one SQLite file and one Redis, as two nodes: what one
 * of them changes, the other stops serving from its caches.
 */
class CrossNodeInvalidationTest {
    /** Without the announcement node B would serve its cached lookup for 30 s and its output for 10 min. */
    private static final Duration SOON = Duration.ofSeconds(5);

    private Upstream upstream;
    private TestServer a;
    private TestServer b;

    @BeforeEach
    void start() throws Exception {
        upstream = new Upstream(0, r -> new MockResponse().setHeader("Content-Type", "application/rss+xml")
                .setBody(rss(r.getPath().substring(1).replace(".xml", ""))));
        Map<String, String> env = Map.of("SLUICE_REDIS_URL", TestRedis.freshUrl(), "SLUICE_WARMUP", "false");
        Path dataDir = TestServer.tempDir();
        a = new TestServer(env, dataDir);
        b = new TestServer(env, dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        b.close();
        a.close();
        upstream.close();
    }

    @Test
    void aPipeSavedOnOneNodeIsServedAnewByTheOther() {
        StoredPipe saved = a.save("alice@example.com", "News", pipe(feed("f", upstream.url("/first.xml")), output("f")), true);
        assertThat(b.get("/feed/" + saved.id() + ".rss").body()).contains("<title>first</title>");

        a.update(saved, pipe(feed("f", upstream.url("/second.xml")), output("f")));

        assertThat(a.get("/feed/" + saved.id() + ".rss").body()).as("at once on the saving node").contains("<title>second</title>");
        assertThat(eventually(b, "/feed/" + saved.id() + ".rss", r -> r.body().contains("<title>second</title>")))
                .as("soon on the other node").isTrue();
    }

    @Test
    void aPipeDeletedOnOneNodeIsGoneFromTheOther() {
        StoredPipe saved = a.save("alice@example.com", "Soon gone", pipe(feed("f", upstream.url("/kept.xml")), output("f")), true);
        assertThat(b.get("/feed/" + saved.id() + ".rss").statusCode()).isEqualTo(200);

        a.sluice.pipes().delete(saved.id());

        assertThat(eventually(b, "/feed/" + saved.id() + ".rss", r -> r.statusCode() == 404)).isTrue();
    }

    @Test
    void aWebhookEventAcceptedByOneNodeAppearsInTheOthersFeed() {
        String hookId = HookFixtures.newHookId();
        StoredPipe saved = a.save("alice@example.com", "Hooked", HookFixtures.pipeWithWebhook(hookId, ""), true);
        assertThat(b.get("/feed/" + saved.id() + ".rss").body()).doesNotContain("from node A");

        HttpResponse<String> accepted = HookFixtures.post(a, hookId, "{\"title\":\"from node A\"}",
                "Content-Type", "application/json");

        assertThat(accepted.statusCode()).isBetween(200, 299);
        assertThat(eventually(b, "/feed/" + saved.id() + ".rss", r -> r.body().contains("from node A"))).isTrue();
    }

    /** Whether {@code path} on {@code node} meets {@code test} within {@link #SOON}. */
    private static boolean eventually(TestServer node, String path, Predicate<HttpResponse<String>> test) {
        long end = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < end) {
            if (test.test(node.get(path))) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String rss(String title) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Upstream</title><link>http://example.com/</link>"
                + "<description>d</description><item><title>" + title + "</title><link>http://example.com/" + title
                + "</link><guid>http://example.com/" + title + "</guid></item></channel></rss>";
    }
}
