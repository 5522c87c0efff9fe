package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feed readers ask for gzip: they get the compressed form of the same bytes, with its own ETag
 * for conditional requests; clients that do not ask get the plain bytes.
 */
class FeedCompressionTest {
    static MockWebServer upstream;
    static TestServer server;
    static StoredPipe pipe;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockWebServer();
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>");
        for (int i = 0; i < 200; i++) {
            rss.append("<item><title>Item ").append(i).append("</title><guid>g").append(i)
                    .append("</guid><description>").append("words ".repeat(40)).append("</description></item>");
        }
        upstream.enqueue(new MockResponse().setBody(rss.append("</channel></rss>").toString()));
        upstream.start();
        server = TestServer.standard();
        pipe = server.save("ada@example.org", "Big", "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}],\"textinputs\":[]},{\"id\":\"f\",\"type\":\"FeedBlock\","
                + "\"userinputs\":[\"" + upstream.url("/big.xml") + "\"],\"inputs\":[],\"textinputs\":[{}]}]}", true);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        upstream.shutdown();
    }

    private HttpResponse<byte[]> get(String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("/feed/" + pipe.id())));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aReaderAskingForGzipGetsTheSameFeedCompressed() throws Exception {
        HttpResponse<byte[]> plain = get();
        HttpResponse<byte[]> gzipped = get("Accept-Encoding", "gzip, deflate");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(gzipped.body().length).as("compressed").isLessThan(plain.body().length / 3);
        assertThat(gzipped.headers().firstValue("Content-Length")).contains(Integer.toString(gzipped.body().length));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();
        assertThat(new String(unzipped, StandardCharsets.UTF_8)).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8))
                .contains("Item 199");
        assertThat(upstream.getRequestCount()).as("one run served both").isEqualTo(1);
    }

    @Test
    void eachFormHasItsOwnEtagForConditionalRequests() throws Exception {
        String plainTag = get().headers().firstValue("ETag").orElseThrow();
        String gzipTag = get("Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(plainTag).startsWith("\"").endsWith("\"");

        assertThat(get("Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode()).isEqualTo(304);
        assertThat(get("If-None-Match", plainTag).statusCode()).isEqualTo(304);
        assertThat(get("If-None-Match", gzipTag).statusCode()).as("the gzip tag does not fit the plain bytes").isEqualTo(200);
    }

    @Test
    void gzipRefusedWithQualityZeroMeansPlainBytes() throws Exception {
        HttpResponse<byte[]> r = get("Accept-Encoding", "gzip;q=0, identity");
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith("<?xml");
    }
}
