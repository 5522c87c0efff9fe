package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.fetch.ClosingUpstream.Kind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstreams that close connections: a request that finds its reused connection closed is sent
 * again at once on a fresh one, is not an upstream failure and does not feed the host's back-off.
 * A connection that breaks in the middle of a fresh answer is still a failure, and says so.
 */
class ClosedConnectionTest {

    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @BeforeAll
    static void countMeters() {
        Metrics.addRegistry(METERS);
    }

    @AfterAll
    static void stopCounting() {
        Metrics.removeRegistry(METERS);
    }

    private static final int FETCHES = 1000;
    private static final Duration IDLE = Duration.ofMillis(50);
    private static final Duration BUDGET = Duration.ofSeconds(10);

    static Stream<Arguments> closingServers() {
        return Stream.of(Kind.HTTP_1_0, Kind.IDLE_TIMEOUT, Kind.CONNECTION_CLOSE, Kind.CLOSES_UNANNOUNCED)
                .flatMap(kind -> Stream.of(Arguments.of(kind, 1), Arguments.of(kind, 8)));
    }

    @ParameterizedTest(name = "{0}, {1} at a time")
    @MethodSource("closingServers")
    void noFetchFailsBecauseTheServerClosedAConnection(Kind kind, int concurrency) throws Exception {
        try (ClosingUpstream upstream = new ClosingUpstream(kind, IDLE)) {
            CountingPoliteness politeness = new CountingPoliteness(TestDownloaders.config());
            HttpDownloader downloader = downloader(politeness);

            Random random = new Random(kind.ordinal() * 31L + concurrency);
            List<String> failures = fetchAll(downloader, upstream, concurrency, random, FETCHES, kind == Kind.IDLE_TIMEOUT);

            assertThat(failures).isEmpty();
            assertThat(upstream.requests()).isGreaterThanOrEqualTo(FETCHES);
            assertThat(politeness.failures).as("failures reported to the host's back-off").hasValue(0);
            downloader.close();
        }
    }

    @Test
    void aReusedConnectionFoundClosedIsRetriedOnAFreshOneAndCountedApart() throws Exception {
        try (ClosingUpstream upstream = new ClosingUpstream(Kind.CLOSES_UNANNOUNCED, IDLE)) {
            CountingPoliteness politeness = new CountingPoliteness(TestDownloaders.config());
            HttpDownloader downloader = downloader(politeness);
            double staleBefore = retries("stale_connection");
            double networkBefore = retries("network");

            assertThat(fetchAll(downloader, upstream, 1, new Random(7), 50, false)).isEmpty();

            // The server never says it closes, so every pooled connection is found closed once.
            double stale = retries("stale_connection") - staleBefore;
            assertThat(stale).isGreaterThan(0);
            assertThat(upstream.requests()).isEqualTo(50); // a request on a closed connection never arrives
            assertThat(upstream.connections()).isEqualTo(50);
            assertThat(retries("network") - networkBefore).isZero();
            assertThat(politeness.failures).hasValue(0);
            downloader.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"HTTP_1_0", "CONNECTION_CLOSE"})
    void aServerThatSaysItClosesIsNotAskedAgainOnThatConnection(Kind kind) throws Exception {
        try (ClosingUpstream upstream = new ClosingUpstream(kind, IDLE)) {
            HttpDownloader downloader = HttpDownloader.builder(TestDownloaders.config()).build();
            double staleBefore = retries("stale_connection");

            assertThat(fetchAll(downloader, upstream, 1, new Random(3), 100, false)).isEmpty();

            assertThat(retries("stale_connection") - staleBefore).isZero();
            assertThat(upstream.requests()).isEqualTo(100);
            assertThat(upstream.connections()).isEqualTo(100);
            downloader.close();
        }
    }

    @Test
    void aConnectionDroppedMidBodyIsStillAClearFailure() throws Exception {
        try (ClosingUpstream upstream = new ClosingUpstream(Kind.DROPS_MID_BODY, IDLE)) {
            CountingPoliteness politeness = new CountingPoliteness(TestDownloaders.config());
            HttpDownloader downloader = downloader(politeness);

            for (int i = 0; i < 20; i++) {
                FetchOutcome outcome = downloader.fetch(upstream.url("/cut/" + i), BUDGET);
                FetchFailure failure = RedirectTest.failed(outcome);
                assertThat(failure).isInstanceOf(FetchFailure.Network.class);
                assertThat(failure.message()).contains("/cut/" + i).contains("connection broke");
            }
            assertThat(upstream.requests()).isEqualTo(40); // each tried twice: the explicit retry of a broken answer
            assertThat(politeness.failures.get()).isGreaterThanOrEqualTo(20);
            downloader.close();
        }
    }

    private static HttpDownloader downloader(HostPoliteness politeness) {
        return HttpDownloader.builder(TestDownloaders.config()).politeness(politeness).build();
    }

    /**
     * {@code count} fetches of distinct URLs (no cache hits), {@code concurrency} at a time, with
     * random pauses of 0–1 ms; with {@code nearIdleTimeout}, one in six pauses 40–60 ms instead,
     * around the server's idle time-out, where a connection is most likely to be closed just as it
     * is reused. Returns the failures' messages.
     */
    private static List<String> fetchAll(HttpDownloader downloader, ClosingUpstream upstream, int concurrency,
            Random random, int count, boolean nearIdleTimeout) throws Exception {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        long[] pauses = new long[count];
        for (int i = 0; i < count; i++) {
            pauses[i] = nearIdleTimeout && random.nextInt(6) == 0 ? 40 + random.nextInt(21) : random.nextInt(2);
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                int first = t;
                work.add(threads.submit(() -> {
                    for (int i = first; i < count; i += concurrency) {
                        sleep(pauses[i]);
                        if (downloader.fetch(upstream.url("/feed/" + i), BUDGET) instanceof FetchOutcome.Failed failed) {
                            failures.add(failed.failure().message());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get(2, TimeUnit.MINUTES);
            }
        }
        return List.copyOf(failures);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double retries(String failure) {
        Counter counter = METERS.find("sluice.fetch.retries").tag("failure", failure).counter();
        return counter == null ? 0 : counter.count();
    }
}
