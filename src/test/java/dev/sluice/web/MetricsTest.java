package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.Admission;
import dev.sluice.model.StoredPipe;
import dev.sluice.ops.Prometheus;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /metrics}: what an operator's Prometheus sees after real runs, fetches and cache hits. */
class MetricsTest {
    static final String RSS = "<rss version=\"2.0\"><channel><title>M</title>"
            + "<item><title>One</title><guid>m1</guid></item></channel></rss>";

    /** The value of the first sample line starting with {@code series} (name and labels as printed), or 0. */
    static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "\\S* ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void runsFetchesAndCacheHitsAreCounted() throws Exception {
        try (MockWebServer upstream = new MockWebServer(); TestServer server = TestServer.standard()) {
            upstream.enqueue(new MockResponse().setBody(RSS).setHeader("Cache-Control", "max-age=600"));
            upstream.start();
            String feed = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
                    + "\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}],\"textinputs\":[]},"
                    + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinputs\":[\"" + upstream.url("/m.xml")
                    + "\"],\"inputs\":[],\"textinputs\":[{}]}]}";
            StoredPipe pipe = server.save("ada@example.org", "Metered", feed, true);
            String before = server.get("/metrics").body();

            assertThat(server.get("/feed/" + pipe.id()).statusCode()).isEqualTo(200);
            assertThat(server.get("/feed/" + pipe.id()).statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = server.get("/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String after = metrics.body();
            assertThat(sample(after, "sluice_run_duration_seconds_count{outcome=\"ok\"")
                    - sample(before, "sluice_run_duration_seconds_count{outcome=\"ok\"")).isGreaterThanOrEqualTo(1);
            assertThat(after).contains("sluice_block_duration_seconds_count{type=\"FeedBlock\"");
            assertThat(sample(after, "sluice_fetch_duration_seconds_count{failure=\"none\",outcome=\"network\",status=\"200\"")
                    - sample(before, "sluice_fetch_duration_seconds_count{failure=\"none\",outcome=\"network\",status=\"200\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(sample(after, "sluice_output_cache_total{result=\"rendered\"")
                    - sample(before, "sluice_output_cache_total{result=\"rendered\"")).as("the second request").isGreaterThanOrEqualTo(1);
            assertThat(after).contains("sluice_runs_in_flight ").contains("sluice_admission_wait_seconds_count")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void webhookDeliveriesAreCountedByResult() {
        try (TestServer server = TestServer.standard()) {
            double before = sample(server.get("/metrics").body(), "sluice_webhook_events_total{result=\"unknown_hook\"");
            server.post("/hook/nosuchhook", "application/json", "{}");
            double after = sample(server.get("/metrics").body(), "sluice_webhook_events_total{result=\"unknown_hook\"");
            assertThat(after - before).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} with \"{1}\" -> {2}")
    @CsvSource(nullValues = "none", value = {
            "127.0.0.1, none, true",
            "127.9.9.9, none, true",
            "0:0:0:0:0:0:0:1, none, true",
            "10.0.0.5, none, false",
            "192.168.1.20, Bearer wrong, false",
            "203.0.113.7, Bearer s3cret-metrics, true",
            "203.0.113.7, Bearer  s3cret-metrics , true",
            "203.0.113.7, s3cret-metrics, false",
            "::ffff:10.0.0.1, none, false"})
    void onlyThisMachineOrTheTokenHolderMayRead(String address, String authorization, boolean allowed) {
        try (Prometheus prometheus = new Prometheus(new Admission(1, 1, Duration.ZERO), 1)) {
            MetricsRoute route = new MetricsRoute(prometheus, "s3cret-metrics");
            assertThat(route.allowed(address, authorization)).isEqualTo(allowed);
            assertThat(new MetricsRoute(prometheus, "").allowed(address, "Bearer ")).as("no token configured")
                    .isEqualTo(allowed && authorization == null);
        }
    }
}
