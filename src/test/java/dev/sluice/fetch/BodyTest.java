package dev.sluice.fetch;

import static dev.sluice.fetch.RedirectTest.failed;
import static dev.sluice.fetch.RedirectTest.fetched;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What comes back: headers sent, decoding, the size cap and the time limit. */
class BodyTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final String FEED = "<rss version=\"2.0\"><channel><title>Ünïcode</title></channel></rss>";

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

    @Test
    void sendsUserAgentAndAcceptedEncodingsAndKeepsResponseMetadata() throws InterruptedException {
        upstream.enqueue(new MockResponse().setBody(FEED).setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .setHeader("ETag", "\"v1\"").setHeader("Last-Modified", "Wed, 01 May 2024 10:00:00 GMT"));

        Download download = fetched(downloader(TestDownloaders.config()).fetch(TestDownloaders.url(upstream, "/f"), BUDGET));

        RecordedRequest request = upstream.takeRequest();
        assertThat(request.getHeader("User-Agent")).isEqualTo("Sluice/test (+http://sluice.test)");
        assertThat(request.getHeader("Accept-Encoding")).contains("br").contains("gzip").contains("deflate");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(download.etag()).isEqualTo("\"v1\"");
        assertThat(download.lastModified()).isEqualTo("Wed, 01 May 2024 10:00:00 GMT");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void decodesGzip() throws IOException {
        upstream.enqueue(encoded("gzip", gzip(FEED.getBytes(StandardCharsets.UTF_8))));
        assertThat(body(downloader(TestDownloaders.config()).fetch(TestDownloaders.url(upstream, "/f"), BUDGET))).isEqualTo(FEED);
    }

    @Test
    void decodesZlibDeflate() throws IOException {
        upstream.enqueue(encoded("deflate", deflate(FEED.getBytes(StandardCharsets.UTF_8), false)));
        assertThat(body(downloader(TestDownloaders.config()).fetch(TestDownloaders.url(upstream, "/f"), BUDGET))).isEqualTo(FEED);
    }

    @Test
    void decodesRawDeflateSomeServersSend() throws IOException {
        upstream.enqueue(encoded("deflate", deflate(FEED.getBytes(StandardCharsets.UTF_8), true)));
        assertThat(body(downloader(TestDownloaders.config()).fetch(TestDownloaders.url(upstream, "/f"), BUDGET))).isEqualTo(FEED);
    }

    @Test
    void decodesBrotli() {
        upstream.enqueue(encoded("br", Brotli.stored(FEED.getBytes(StandardCharsets.UTF_8))));
        assertThat(body(downloader(TestDownloaders.config()).fetch(TestDownloaders.url(upstream, "/f"), BUDGET))).isEqualTo(FEED);
    }

    @Test
    void anUnknownEncodingIsAClearFailure() {
        upstream.enqueue(encoded("zstd", new byte[] {1, 2, 3}));
        FetchFailure failure = failed(downloader(TestDownloaders.config()).fetch(TestDownloaders.url(upstream, "/f"), BUDGET));
        assertThat(failure.message()).contains("/f").contains("unsupported Content-Encoding \"zstd\"");
    }

    @Test
    void refusesABodyOverTheCapByItsLength() {
        upstream.enqueue(new MockResponse().setBody("x".repeat(2048)));
        FetchFailure failure = failed(downloader(TestDownloaders.config().withBodyCap(1024))
                .fetch(TestDownloaders.url(upstream, "/big"), BUDGET));
        assertThat(failure).isInstanceOf(FetchFailure.TooLarge.class);
        assertThat(failure.message()).contains("/big").contains("larger than 1 KiB");
    }

    @Test
    void refusesAChunkedBodyOverTheCapWhileReading() {
        upstream.enqueue(new MockResponse().setChunkedBody("x".repeat(4096), 256));
        FetchFailure failure = failed(downloader(TestDownloaders.config().withBodyCap(1024))
                .fetch(TestDownloaders.url(upstream, "/big"), BUDGET));
        assertThat(failure).isInstanceOf(FetchFailure.TooLarge.class);
    }

    @Test
    void countsTheCapAfterDecompressionSoABombIsStopped() throws IOException {
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(64 * 1024);
        upstream.enqueue(encoded("gzip", bomb));
        FetchFailure failure = failed(downloader(TestDownloaders.config().withBodyCap(1024 * 1024))
                .fetch(TestDownloaders.url(upstream, "/bomb"), BUDGET));
        assertThat(failure).isInstanceOf(FetchFailure.TooLarge.class);
        assertThat(failure.message()).contains("larger than 1 MiB");
    }

    @Test
    void acceptsABodyExactlyAtTheCap() {
        upstream.enqueue(new MockResponse().setBody("x".repeat(1024)));
        Download download = fetched(downloader(TestDownloaders.config().withBodyCap(1024))
                .fetch(TestDownloaders.url(upstream, "/exact"), BUDGET));
        assertThat(download.body()).hasSize(1024);
    }

    @Test
    void cutsATricklingUpstreamAtTheCallersBudget() {
        upstream.enqueue(new MockResponse().setBody("x".repeat(64 * 1024)).throttleBody(64, 200, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();

        FetchFailure failure = failed(downloader(TestDownloaders.config())
                .fetch(TestDownloaders.url(upstream, "/slow"), Duration.ofMillis(600)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(failure).isInstanceOf(FetchFailure.TimedOut.class);
        assertThat(failure.message()).contains("/slow").contains("600 ms left in the run");
    }

    @Test
    void cutsATricklingUpstreamAtTheFetchLimit() {
        upstream.enqueue(new MockResponse().setBody("x".repeat(64 * 1024)).throttleBody(64, 200, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();

        FetchFailure failure = failed(downloader(TestDownloaders.config().withMaxFetchTime(Duration.ofMillis(500)))
                .fetch(TestDownloaders.url(upstream, "/slow"), Duration.ofSeconds(20)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(failure).isInstanceOf(FetchFailure.TimedOut.class);
        assertThat(failure.message()).contains("fetch limit of 500 ms");
    }

    @Test
    void aClosedPortIsANetworkFailureNamingTheUrl() throws IOException {
        int port = upstream.getPort();
        upstream.shutdown();
        FetchFailure failure = failed(downloader(TestDownloaders.config()).fetch("http://127.0.0.1:" + port + "/gone", BUDGET));
        assertThat(failure).isInstanceOf(FetchFailure.Network.class);
        assertThat(failure.message()).startsWith("http://127.0.0.1:" + port + "/gone: could not connect");
    }

    @Test
    void errorStatusesAreTypedWithTheStatus() {
        upstream.enqueue(new MockResponse().setResponseCode(404));
        FetchFailure failure = failed(downloader(TestDownloaders.config()).fetch(TestDownloaders.url(upstream, "/nope"), BUDGET));
        assertThat(failure).isInstanceOf(FetchFailure.HttpStatus.class);
        assertThat(((FetchFailure.HttpStatus) failure).status()).isEqualTo(404);
        assertThat(failure.message()).isEqualTo(TestDownloaders.url(upstream, "/nope") + ": HTTP 404 Client Error");
    }

    private static MockResponse encoded(String encoding, byte[] body) {
        return new MockResponse().setHeader("Content-Encoding", encoding).setBody(new Buffer().write(body));
    }

    private static String body(FetchOutcome outcome) {
        return new String(fetched(outcome).body(), StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            deflate.write(data);
        }
        return out.toByteArray();
    }
}
