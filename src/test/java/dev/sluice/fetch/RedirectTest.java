package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    private MockWebServer upstream;
    private HttpDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        upstream = TestDownloaders.upstream("127.0.0.1");
        downloader = HttpDownloader.builder(TestDownloaders.config()).build();
    }

    @AfterEach
    void stop() throws IOException {
        downloader.close();
        upstream.shutdown();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void followsRelativeRedirects(int status) {
        upstream.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "../moved/feed.xml"));
        upstream.enqueue(new MockResponse().setBody("<rss/>"));

        Download download = fetched(downloader.fetch(TestDownloaders.url(upstream, "/old/dir/feed"), BUDGET));

        assertThat(download.requestedUrl()).isEqualTo(TestDownloaders.url(upstream, "/old/dir/feed"));
        assertThat(download.finalUrl()).isEqualTo(TestDownloaders.url(upstream, "/old/moved/feed.xml"));
        assertThat(new String(download.body())).isEqualTo("<rss/>");
    }

    @Test
    void followsFiveRedirects() throws InterruptedException {
        for (int i = 1; i <= 5; i++) {
            upstream.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/hop" + i));
        }
        upstream.enqueue(new MockResponse().setBody("arrived"));

        Download download = fetched(downloader.fetch(TestDownloaders.url(upstream, "/start"), BUDGET));

        assertThat(download.finalUrl()).endsWith("/hop5");
        assertThat(upstream.getRequestCount()).isEqualTo(6);
    }

    @Test
    void refusesTheSixthRedirect() {
        for (int i = 1; i <= 7; i++) {
            upstream.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/hop" + i));
        }

        FetchFailure failure = failed(downloader.fetch(TestDownloaders.url(upstream, "/start"), BUDGET));

        assertThat(failure).isInstanceOf(FetchFailure.Network.class);
        assertThat(failure.message()).contains("/start").contains("more than 5 redirects");
        assertThat(upstream.getRequestCount()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/feed", "file:///etc/passwd", "javascript:alert(1)"})
    void refusesRedirectsToOtherSchemes(String location) {
        upstream.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", location));

        FetchFailure failure = failed(downloader.fetch(TestDownloaders.url(upstream, "/start"), BUDGET));

        assertThat(failure).isInstanceOf(FetchFailure.Refused.class);
        assertThat(failure.message()).contains("/start redirects to a URL Sluice cannot fetch");
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectWithoutLocationIsAnError() {
        upstream.enqueue(new MockResponse().setResponseCode(302));

        FetchFailure failure = failed(downloader.fetch(TestDownloaders.url(upstream, "/start"), BUDGET));

        assertThat(failure).isInstanceOf(FetchFailure.HttpStatus.class);
        assertThat(failure.message()).contains("HTTP 302 redirect without a Location");
    }

    static Download fetched(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        return ((FetchOutcome.Fetched) outcome).download();
    }

    static FetchFailure failed(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        return ((FetchOutcome.Failed) outcome).failure();
    }
}
