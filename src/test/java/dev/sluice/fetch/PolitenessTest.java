package dev.sluice.fetch;

import static dev.sluice.fetch.CacheTest.fetched;
import static dev.sluice.fetch.RedirectTest.failed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-host politeness through the downloader: slots, spacing, Retry-After, retries, back-off. */
class PolitenessTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final FetchOutcome.Freshness NETWORK = FetchOutcome.Freshness.NETWORK;

    private MockWebServer upstream;

    @BeforeEach
    void start() throws IOException {
        upstream = TestDownloaders.upstream("127.0.0.1");
    }

    @AfterEach
    void stop() throws IOException {
        upstream.shutdown();
    }

    private HttpDownloader downloader(FetchConfig config) {
        return HttpDownloader.builder(config).build();
    }

    private String url(String path) {
        return TestDownloaders.url(upstream, path);
    }

    @Test
    void neverMoreThanTwoRequestsInFlightPerHost() throws Exception {
        CountingDispatcher counting = new CountingDispatcher(300, request -> new MockResponse().setBody("ok"));
        upstream.setDispatcher(counting);
        HttpDownloader downloader = downloader(TestDownloaders.config());

        List<Future<FetchOutcome>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                String path = "/item" + i;
                results.add(threads.submit(() -> downloader.fetch(url(path), Duration.ofSeconds(10))));
            }
            for (Future<FetchOutcome> result : results) {
                fetched(result.get(20, TimeUnit.SECONDS), NETWORK);
            }
        }
        assertThat(upstream.getRequestCount()).isEqualTo(6);
        assertThat(counting.maxConcurrent.get()).isBetween(1, 2);
    }

    @Test
    void spacesRequestStartsToOneHost() throws Exception {
        CountingDispatcher counting = new CountingDispatcher(0, request -> new MockResponse().setBody("ok"));
        upstream.setDispatcher(counting);
        HttpDownloader downloader = downloader(TestDownloaders.config().withHostSpacing(Duration.ofMillis(300)));

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchOutcome>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String path = "/item" + i;
                results.add(threads.submit(() -> downloader.fetch(url(path), Duration.ofSeconds(10))));
            }
            for (Future<FetchOutcome> result : results) {
                fetched(result.get(20, TimeUnit.SECONDS), NETWORK);
            }
        }
        List<Long> arrivals = counting.arrivals.stream().sorted().toList();
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1))).isGreaterThan(Duration.ofMillis(200));
        }
    }

    @Test
    void waitsForRetryAfterSecondsWhenItFits() {
        upstream.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
        upstream.enqueue(new MockResponse().setBody("ok"));
        long start = System.nanoTime();

        fetched(downloader(TestDownloaders.config()).fetch(url("/feed"), BUDGET), NETWORK);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failsFastWhenRetryAfterDoesNotFitAndPausesTheHost() {
        upstream.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30"));
        HttpDownloader downloader = downloader(TestDownloaders.config());
        long start = System.nanoTime();

        FetchFailure failure = failed(downloader.fetch(url("/feed"), Duration.ofSeconds(2)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(failure).isInstanceOf(FetchFailure.TooManyRequests.class);
        assertThat(failure.message()).contains("/feed").contains("HTTP 429").contains("wait 30 s");
        assertThat(((FetchFailure.TooManyRequests) failure).retryAt())
                .isCloseTo(Instant.now().plusSeconds(30), within(5, ChronoUnit.SECONDS));
        // Another URL on the paused host: refused at once, the host is not asked.
        FetchFailure other = failed(downloader.fetch(url("/other"), Duration.ofSeconds(2)));
        assertThat(other).isInstanceOf(FetchFailure.TooManyRequests.class);
        assertThat(other.message()).contains("/other").contains("pause");
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void servesTheStaleCopyWhenRetryAfterDoesNotFit() {
        MutableClock clock = new MutableClock();
        HttpDownloader downloader = HttpDownloader.builder(TestDownloaders.config()).clock(clock).build();
        upstream.enqueue(new MockResponse().setBody("v1"));
        upstream.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "120"));
        fetched(downloader.fetch(url("/feed"), BUDGET), NETWORK);
        clock.advance(Duration.ofMinutes(11));

        FetchOutcome.Fetched stale = fetched(downloader.fetch(url("/feed"), BUDGET), FetchOutcome.Freshness.STALE);

        assertThat(stale.staleBecause()).isInstanceOf(FetchFailure.TooManyRequests.class);
        assertThat(new String(stale.download().body())).isEqualTo("v1");
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void waitsForARetryAfterDateWhenItFits() {
        String inTwoSeconds = httpDate(Instant.now().plusSeconds(2));
        upstream.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", inTwoSeconds));
        upstream.enqueue(new MockResponse().setBody("ok"));
        long start = System.nanoTime();

        fetched(downloader(TestDownloaders.config()).fetch(url("/feed"), Duration.ofSeconds(8)), NETWORK);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failsFastWhenARetryAfterDateIsBeyondTheBudget() {
        String inAnHour = httpDate(Instant.now().plusSeconds(3600));
        upstream.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", inAnHour));
        long start = System.nanoTime();

        FetchFailure failure = failed(downloader(TestDownloaders.config()).fetch(url("/feed"), BUDGET));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(failure).isInstanceOf(FetchFailure.TooManyRequests.class);
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anInterruptedWaitReturnsPromptlyAndKeepsTheInterrupt() throws Exception {
        upstream.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "20"));
        upstream.enqueue(new MockResponse().setBody("never asked"));
        HttpDownloader downloader = downloader(TestDownloaders.config());
        AtomicReference<FetchOutcome> outcome = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = Thread.ofVirtual().start(() -> {
            outcome.set(downloader.fetch(url("/feed"), Duration.ofSeconds(30))); // the 20 s pause fits: it waits
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        while (upstream.getRequestCount() == 0) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        caller.interrupt();
        caller.join(Duration.ofSeconds(3));

        assertThat(caller.isAlive()).isFalse();
        assertThat(failed(outcome.get())).isInstanceOf(FetchFailure.TimedOut.class);
        assertThat(failed(outcome.get()).message()).contains("interrupted");
        assertThat(stillInterrupted).isTrue();
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void retriesAGatewayErrorOnce(int status) {
        upstream.enqueue(new MockResponse().setResponseCode(status));
        upstream.enqueue(new MockResponse().setBody("ok"));

        fetched(downloader(TestDownloaders.config()).fetch(url("/feed"), BUDGET), NETWORK);

        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesOnlyOnce() {
        upstream.enqueue(new MockResponse().setResponseCode(503));
        upstream.enqueue(new MockResponse().setResponseCode(503));
        upstream.enqueue(new MockResponse().setBody("too late"));

        FetchFailure failure = failed(downloader(TestDownloaders.config()).fetch(url("/feed"), BUDGET));

        assertThat(((FetchFailure.HttpStatus) failure).status()).isEqualTo(503);
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotRetryOtherServerErrors() {
        upstream.enqueue(new MockResponse().setResponseCode(500));
        upstream.enqueue(new MockResponse().setBody("never asked"));

        failed(downloader(TestDownloaders.config()).fetch(url("/feed"), BUDGET));

        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesABrokenConnectionOnce() {
        upstream.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        upstream.enqueue(new MockResponse().setBody("ok"));

        fetched(downloader(TestDownloaders.config()).fetch(url("/feed"), BUDGET), NETWORK);

        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aConnectionBrokenTwiceIsANetworkFailure() {
        upstream.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        upstream.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        FetchFailure failure = failed(downloader(TestDownloaders.config()).fetch(url("/feed"), BUDGET));

        assertThat(failure).isInstanceOf(FetchFailure.Network.class);
        assertThat(failure.message()).contains("/feed").contains("connection broke");
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void backsOffAHostAfterRepeatedFailuresAndRecoversOnSuccess() {
        HttpDownloader downloader = downloader(TestDownloaders.config().withBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5)));
        upstream.enqueue(new MockResponse().setResponseCode(500));
        upstream.enqueue(new MockResponse().setResponseCode(500));
        upstream.enqueue(new MockResponse().setBody("recovered"));
        upstream.enqueue(new MockResponse().setBody("normal again"));

        failed(downloader.fetch(url("/a"), BUDGET));
        failed(downloader.fetch(url("/b"), BUDGET));
        long start = System.nanoTime();
        FetchFailure backingOff = failed(downloader.fetch(url("/c"), Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(700)); // not waited for
        assertThat(backingOff.message()).contains("/c").contains("failed repeatedly");
        assertThat(upstream.getRequestCount()).isEqualTo(2);

        fetched(downloader.fetch(url("/d"), BUDGET), NETWORK); // waits out the two seconds of back-off
        assertThat(upstream.getRequestCount()).isEqualTo(3);
        fetched(downloader.fetch(url("/e"), Duration.ofMillis(300)), NETWORK); // back-off was reset
        assertThat(upstream.getRequestCount()).isEqualTo(4);
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
