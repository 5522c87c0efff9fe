package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.fetch.FetchFailure;
import dev.sluice.fetch.FetchOutcome;
import dev.sluice.fetch.SharedDownloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** Two nodes (two Redis connections, two downloaders) sharing downloads through one real Redis. */
class SharedDownloadsTest {

    @Test
    void aCopyFetchedByOneNodeIsServedByTheOtherWithoutAnotherRequest() throws Exception {
        String redis = TestRedis.freshUrl();
        try (Upstream upstream = new Upstream(0, r -> new MockResponse().setBody("<rss>shared</rss>")
                .setHeader("ETag", "\"v1\""));
             TestRedis.Node a = TestRedis.Node.of(redis, TestRedis.config());
             TestRedis.Node b = TestRedis.Node.of(redis, TestRedis.config())) {
            String url = upstream.url("/feed.xml");

            FetchOutcome.Fetched first = fetched(a.downloader().fetch(url, Duration.ofSeconds(5)));
            FetchOutcome.Fetched second = fetched(b.downloader().fetch(url, Duration.ofSeconds(5)));

            assertThat(first.freshness()).isEqualTo(FetchOutcome.Freshness.NETWORK);
            assertThat(second.freshness()).isEqualTo(FetchOutcome.Freshness.CACHE);
            assertThat(body(second)).isEqualTo("<rss>shared</rss>");
            assertThat(second.download().etag()).isEqualTo("\"v1\"");
            assertThat(upstream.requests()).isEqualTo(1);
        }
    }

    @Test
    void twentyConcurrentFetchesOverTwoNodesMakeOneUpstreamRequest() throws Exception {
        String redis = TestRedis.freshUrl();
        try (Upstream upstream = new Upstream(500, r -> new MockResponse().setBody("one answer"));
             TestRedis.Node a = TestRedis.Node.of(redis, TestRedis.config());
             TestRedis.Node b = TestRedis.Node.of(redis, TestRedis.config())) {
            String url = upstream.url("/slow.xml");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<FetchOutcome>> results = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 20; i++) {
                    TestRedis.Node node = i % 2 == 0 ? a : b;
                    results.add(threads.submit(() -> {
                        go.await();
                        return node.downloader().fetch(url, Duration.ofSeconds(10));
                    }));
                }
                go.countDown();
                for (Future<FetchOutcome> result : results) {
                    assertThat(body(fetched(result.get(15, TimeUnit.SECONDS)))).isEqualTo("one answer");
                }
            }
            assertThat(upstream.requests()).isEqualTo(1);
        }
    }

    @Test
    void aFailureMetByOneNodeIsNotAskedAgainByTheOther() throws Exception {
        String redis = TestRedis.freshUrl();
        try (Upstream upstream = new Upstream(0, r -> new MockResponse().setResponseCode(404));
             TestRedis.Node a = TestRedis.Node.of(redis, TestRedis.config());
             TestRedis.Node b = TestRedis.Node.of(redis, TestRedis.config())) {
            String url = upstream.url("/gone.xml");

            FetchFailure atA = failed(a.downloader().fetch(url, Duration.ofSeconds(5)));
            FetchFailure atB = failed(b.downloader().fetch(url, Duration.ofSeconds(5)));

            assertThat(atB).isEqualTo(atA);
            assertThat(atB).isInstanceOf(FetchFailure.HttpStatus.class);
            assertThat(atB.message()).contains("/gone.xml").contains("404");
            assertThat(upstream.requests()).isEqualTo(1);
        }
    }

    @Test
    void largeBodiesStayOnTheNodeThatFetchedThem() throws Exception {
        String redis = TestRedis.freshUrl();
        String big = "x".repeat(5_000);
        try (Upstream upstream = new Upstream(0, r -> new MockResponse().setBody(big));
             TestRedis.Node a = TestRedis.Node.of(redis, TestRedis.config(), 1_000);
             TestRedis.Node b = TestRedis.Node.of(redis, TestRedis.config(), 1_000)) {
            String url = upstream.url("/big.xml");

            fetched(a.downloader().fetch(url, Duration.ofSeconds(5)));
            FetchOutcome.Fetched atB = fetched(b.downloader().fetch(url, Duration.ofSeconds(5)));

            assertThat(atB.freshness()).isEqualTo(FetchOutcome.Freshness.NETWORK);
            assertThat(body(atB)).isEqualTo(big);
            assertThat(upstream.requests()).isEqualTo(2);
            try (Redis peek = Redis.connect(RedisAddress.parse(redis))) {
                assertThat(peek.connection().sync().keys("sluice:download:*:copy")).isEmpty();
            }
        }
    }

    @Test
    void aDeadHoldersLeaseEndsAndTheNextNodeFetches() throws Exception {
        String redis = TestRedis.freshUrl();
        try (Upstream upstream = new Upstream(0, r -> new MockResponse().setBody("after the lease"));
             Redis dead = Redis.connect(RedisAddress.parse(redis));
             TestRedis.Node b = TestRedis.Node.of(redis, TestRedis.config())) {
            fetched(b.downloader().fetch(upstream.url("/warm-up.xml"), Duration.ofSeconds(5))); // a cold JVM is slow
            String url = upstream.url("/orphan.xml");
            // A node takes the lease for 3 s and dies without fetching or giving it back.
            SharedDownloads.Look taken = new RedisDownloads(dead, RedisDownloads.MAX_BODY)
                    .look(url, Duration.ofSeconds(3), System.nanoTime() + Duration.ofSeconds(1).toNanos());
            assertThat(taken.lease()).isNotNull();

            long hurriedStart = System.nanoTime();
            FetchFailure hurried = failed(b.downloader().fetch(url, Duration.ofMillis(500)));
            long hurriedMillis = (System.nanoTime() - hurriedStart) / 1_000_000;
            FetchOutcome.Fetched patient = fetched(b.downloader().fetch(url, Duration.ofSeconds(10)));

            assertThat(hurried).isInstanceOf(FetchFailure.TimedOut.class);
            assertThat(hurried.message()).contains("another Sluice node is fetching it");
            assertThat(hurriedMillis).isLessThan(2000);
            assertThat(body(patient)).isEqualTo("after the lease");
            assertThat(upstream.log).extracting(Upstream.Arrival::path).containsExactly("/warm-up.xml", "/orphan.xml");
        }
    }

    static FetchOutcome.Fetched fetched(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        return (FetchOutcome.Fetched) outcome;
    }

    static FetchFailure failed(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        return ((FetchOutcome.Failed) outcome).failure();
    }

    static String body(FetchOutcome.Fetched fetched) {
        return new String(fetched.download().body(), StandardCharsets.UTF_8);
    }
}
