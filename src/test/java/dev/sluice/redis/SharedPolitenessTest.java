package dev.sluice.redis;

import static dev.sluice.redis.SharedDownloadsTest.failed;
import static dev.sluice.redis.SharedDownloadsTest.fetched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.FetchFailure;
import dev.sluice.fetch.FetchOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * One upstream host, two nodes: its request slots, the spacing between request starts and a
 * Retry-After pause hold across both, as the upstream's own log shows.
 */
class SharedPolitenessTest {

    @Test
    void requestStartsToOneHostAreSpacedAcrossNodes() throws Exception {
        String redis = TestRedis.freshUrl();
        FetchConfig spaced = TestRedis.config().withHostSpacing(Duration.ofMillis(400));
        try (Upstream upstream = new Upstream(0, r -> new MockResponse().setBody("ok"));
             TestRedis.Node a = TestRedis.Node.of(redis, spaced);
             TestRedis.Node b = TestRedis.Node.of(redis, spaced)) {
            fetchAll(upstream, a, b, 6);

            List<Long> starts = upstream.log.stream().map(Upstream.Arrival::nanos).sorted().toList();
            assertThat(starts).hasSize(6);
            // Turns are granted 400 ms apart; a request reaches the upstream a little after its
            // turn (a fresh client's first connection can take a few hundred ms on a busy machine),
            // so single gaps get slack while the whole span holds the spacing. Each node alone
            // would send its three requests beside the other's: gaps near 0 and a span near 800 ms.
            for (int i = 1; i < starts.size(); i++) {
                assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isGreaterThan(Duration.ofMillis(150));
            }
            assertThat(Duration.ofNanos(starts.get(5) - starts.get(0))).isGreaterThan(Duration.ofMillis(5 * 400 - 100));
        }
    }

    @Test
    void neverMoreRequestsInFlightToOneHostThanItsSlotsAcrossNodes() throws Exception {
        String redis = TestRedis.freshUrl();
        try (Upstream upstream = new Upstream(400, r -> new MockResponse().setBody("ok"));
             TestRedis.Node a = TestRedis.Node.of(redis, TestRedis.config());
             TestRedis.Node b = TestRedis.Node.of(redis, TestRedis.config())) {
            fetchAll(upstream, a, b, 8);

            assertThat(upstream.requests()).isEqualTo(8);
            assertThat(upstream.maxConcurrent.get()).isBetween(1, 2);
        }
    }

    @Test
    void aRetryAfterMetByOneNodePausesTheOther() throws Exception {
        String redis = TestRedis.freshUrl();
        try (Upstream upstream = new Upstream(0, r -> r.getPath().equals("/busy.xml")
                ? new MockResponse().setResponseCode(429).setHeader("Retry-After", "2")
                : new MockResponse().setBody("after the pause"));
             TestRedis.Node a = TestRedis.Node.of(redis, TestRedis.config());
             TestRedis.Node b = TestRedis.Node.of(redis, TestRedis.config())) {
            // A has too little time to wait out the pause itself: it gives up, and the host stays paused.
            FetchFailure atA = failed(a.downloader().fetch(upstream.url("/busy.xml"), Duration.ofSeconds(1)));
            FetchFailure hurriedB = failed(b.downloader().fetch(upstream.url("/other.xml"), Duration.ofMillis(500)));
            FetchOutcome.Fetched patientB = fetched(b.downloader().fetch(upstream.url("/other.xml"), Duration.ofSeconds(10)));

            assertThat(atA).isInstanceOf(FetchFailure.TooManyRequests.class);
            assertThat(hurriedB).isInstanceOf(FetchFailure.TooManyRequests.class);
            assertThat(hurriedB.message()).contains("asked Sluice to pause");
            assertThat(patientB.freshness()).isEqualTo(FetchOutcome.Freshness.NETWORK);
            assertThat(upstream.log).extracting(Upstream.Arrival::path).containsExactly("/busy.xml", "/other.xml");
            long pausedFor = upstream.log.get(1).nanos() - upstream.log.get(0).nanos();
            assertThat(Duration.ofNanos(pausedFor)).isGreaterThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void aHostThatKeepsFailingIsLeftAloneByEveryNode() throws Exception {
        String redis = TestRedis.freshUrl();
        FetchConfig backingOff = TestRedis.config().withBackoff(Duration.ofSeconds(30), Duration.ofMinutes(1));
        try (Upstream upstream = new Upstream(0, r -> new MockResponse().setResponseCode(500));
             TestRedis.Node a = TestRedis.Node.of(redis, backingOff);
             TestRedis.Node b = TestRedis.Node.of(redis, backingOff)) {
            failed(a.downloader().fetch(upstream.url("/one.xml"), Duration.ofSeconds(5)));
            failed(a.downloader().fetch(upstream.url("/two.xml"), Duration.ofSeconds(5)));

            FetchFailure atB = failed(b.downloader().fetch(upstream.url("/three.xml"), Duration.ofSeconds(5)));

            assertThat(atB.message()).contains("failed repeatedly");
            assertThat(upstream.requests()).isEqualTo(2);
        }
    }

    /** Fetches {@code count} different URLs of the upstream at once, every other one through each node. */
    private static void fetchAll(Upstream upstream, TestRedis.Node a, TestRedis.Node b, int count) throws Exception {
        List<Future<FetchOutcome>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                TestRedis.Node node = i % 2 == 0 ? a : b;
                String url = upstream.url("/item" + i + ".xml");
                results.add(threads.submit(() -> node.downloader().fetch(url, Duration.ofSeconds(20))));
            }
            for (Future<FetchOutcome> result : results) {
                fetched(result.get(30, TimeUnit.SECONDS));
            }
        }
    }
}
