package dev.sluice.fetch;

import static dev.sluice.fetch.RedirectTest.failed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Freshness, revalidation, stale-if-error and error caching, on a clock the test moves. */
class CacheTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock();
    private MockWebServer upstream;
    private HttpDownloader downloader;
    private String url;

    @BeforeEach
    void start() throws IOException {
        upstream = TestDownloaders.upstream("127.0.0.1");
        downloader = HttpDownloader.builder(TestDownloaders.config()).clock(clock).build();
        url = TestDownloaders.url(upstream, "/feed");
    }

    @AfterEach
    void stop() throws IOException {
        downloader.close();
        upstream.shutdown();
    }

    @Test
    void servesAFreshCopyWithoutAskingAgain() {
        upstream.enqueue(new MockResponse().setBody("v1"));

        FetchOutcome.Fetched first = fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);
        clock.advance(Duration.ofMinutes(9));
        FetchOutcome.Fetched second = fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.CACHE);

        assertThat(second.download()).isSameAs(first.download());
        assertThat(second.staleBecause()).isNull();
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void spellingsOfTheSameUrlShareOneEntry() {
        upstream.enqueue(new MockResponse().setBody("v1"));

        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);
        fetched(downloader.fetch(url.replace("http:", "HTTP:") + "#top", BUDGET), FetchOutcome.Freshness.CACHE);

        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void revalidatesWithTheEtagAfterTenMinutes() throws InterruptedException {
        upstream.enqueue(new MockResponse().setBody("v1").setHeader("ETag", "\"abc\""));
        upstream.enqueue(new MockResponse().setResponseCode(304).setHeader("ETag", "\"abc\""));
        FetchOutcome.Fetched first = fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        clock.advance(Duration.ofMinutes(11));
        FetchOutcome.Fetched again = fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.REVALIDATED);

        upstream.takeRequest();
        RecordedRequest conditional = upstream.takeRequest();
        assertThat(conditional.getHeader("If-None-Match")).isEqualTo("\"abc\"");
        assertThat(again.download().body()).isSameAs(first.download().body());
        assertThat(again.download().fetchedAt()).isEqualTo(clock.instant());
        // Confirmed copies are fresh again for the full period.
        clock.advance(Duration.ofMinutes(9));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.CACHE);
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void revalidatesWithLastModified() throws InterruptedException {
        upstream.enqueue(new MockResponse().setBody("v1").setHeader("Last-Modified", "Wed, 01 May 2024 10:00:00 GMT"));
        upstream.enqueue(new MockResponse().setResponseCode(304));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        clock.advance(Duration.ofMinutes(11));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.REVALIDATED);

        upstream.takeRequest();
        assertThat(upstream.takeRequest().getHeader("If-Modified-Since")).isEqualTo("Wed, 01 May 2024 10:00:00 GMT");
    }

    @Test
    void takesNewContentWhenTheUpstreamChanged() {
        upstream.enqueue(new MockResponse().setBody("v1").setHeader("ETag", "\"1\""));
        upstream.enqueue(new MockResponse().setBody("v2").setHeader("ETag", "\"2\""));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        clock.advance(Duration.ofMinutes(11));
        FetchOutcome.Fetched changed = fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        assertThat(new String(changed.download().body())).isEqualTo("v2");
        assertThat(changed.download().etag()).isEqualTo("\"2\"");
    }

    @Test
    void honoursALongerMaxAge() {
        upstream.enqueue(new MockResponse().setBody("v1").setHeader("Cache-Control", "public, max-age=3600"));
        upstream.enqueue(new MockResponse().setBody("v2"));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        clock.advance(Duration.ofMinutes(59));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.CACHE);
        assertThat(upstream.getRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void servesTheStaleCopyWhenTheUpstreamFails() {
        upstream.enqueue(new MockResponse().setBody("v1"));
        upstream.enqueue(new MockResponse().setResponseCode(500));
        FetchOutcome.Fetched first = fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        clock.advance(Duration.ofHours(2));
        FetchOutcome.Fetched stale = fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.STALE);

        assertThat(stale.download()).isSameAs(first.download());
        assertThat(stale.staleBecause()).isInstanceOf(FetchFailure.HttpStatus.class);
        assertThat(stale.staleBecause().message()).isEqualTo(url + ": HTTP 500 Server Error");
        // Within the error TTL the failure is remembered: stale again, without asking.
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.STALE);
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void dropsTheStaleCopyAfterADay() {
        upstream.enqueue(new MockResponse().setBody("v1"));
        upstream.enqueue(new MockResponse().setResponseCode(500));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        clock.advance(Duration.ofHours(25));
        FetchFailure failure = failed(downloader.fetch(url, BUDGET));

        assertThat(failure).isInstanceOf(FetchFailure.HttpStatus.class);
    }

    @Test
    void remembersAFailureForTheErrorTtlOnly() {
        upstream.enqueue(new MockResponse().setResponseCode(500));
        upstream.enqueue(new MockResponse().setBody("back"));

        FetchFailure first = failed(downloader.fetch(url, BUDGET));
        clock.advance(Duration.ofSeconds(59));
        FetchFailure remembered = failed(downloader.fetch(url, BUDGET));
        assertThat(remembered).isEqualTo(first);
        assertThat(upstream.getRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTimeoutFromTheCallersShortBudgetIsNotRemembered() {
        upstream.enqueue(new MockResponse().setBody("slow").setHeadersDelay(1, TimeUnit.SECONDS));
        upstream.enqueue(new MockResponse().setBody("quick"));

        assertThat(failed(downloader.fetch(url, Duration.ofMillis(200)))).isInstanceOf(FetchFailure.TimedOut.class);
        FetchOutcome.Fetched next = fetched(downloader.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        assertThat(new String(next.download().body())).isEqualTo("quick");
    }

    @Test
    void noBudgetLeftMeansNoRequest() {
        FetchFailure failure = failed(downloader.fetch(url, Duration.ZERO));
        assertThat(failure).isInstanceOf(FetchFailure.TimedOut.class);
        assertThat(failure.message()).contains("no time left");
        assertThat(upstream.getRequestCount()).isZero();
    }

    @Test
    void aTinyCacheKeepsNothingButStillServes() {
        HttpDownloader tiny = HttpDownloader.builder(TestDownloaders.config().withCacheBytes(0)).clock(clock).build();
        upstream.enqueue(new MockResponse().setBody("v1"));
        upstream.enqueue(new MockResponse().setBody("v1"));

        fetched(tiny.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);
        fetched(tiny.fetch(url, BUDGET), FetchOutcome.Freshness.NETWORK);

        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    static FetchOutcome.Fetched fetched(FetchOutcome outcome, FetchOutcome.Freshness freshness) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) outcome;
        assertThat(fetched.freshness()).isEqualTo(freshness);
        return fetched;
    }
}
