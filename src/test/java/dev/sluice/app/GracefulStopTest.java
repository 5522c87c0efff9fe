package dev.sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server: new connections are refused at once, a pipe run already in
 * flight still gets its answer, and the database closes after it.
 */
class GracefulStopTest {
    static final String RSS = "<rss version=\"2.0\"><channel><title>Slow</title>"
            + "<item><title>Worth the wait</title><guid>w1</guid></item></channel></rss>";

    @Test
    void aRunInFlightFinishesWhileNewRequestsAreRefused() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.enqueue(new MockResponse().setBody(RSS).setHeadersDelay(1500, TimeUnit.MILLISECONDS));
            upstream.start();
            TestServer server = new TestServer(Map.of("SLUICE_RUN_LIMIT_MS", "5000"));
            String feed = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
                    + "\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}],\"textinputs\":[]},"
                    + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinputs\":[\"" + upstream.url("/slow.xml")
                    + "\"],\"inputs\":[],\"textinputs\":[{}]}]}";
            StoredPipe pipe = server.save("ada@example.org", "Slow", feed, true);

            CompletableFuture<HttpResponse<String>> inFlight =
                    CompletableFuture.supplyAsync(() -> server.get("/feed/" + pipe.id()));
            upstream.takeRequest(5, TimeUnit.SECONDS); // the run is now waiting on the upstream
            java.net.URI health = java.net.URI.create(server.url("/healthz"));
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);

            assertThatThrownBy(() -> new java.net.Socket(health.getHost(), health.getPort()).close())
                    .as("a new connection while stopping").isInstanceOf(java.net.ConnectException.class);
            assertThat(stopping).as("still draining").isNotDone();
            HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Worth the wait");
            stopping.get(10, TimeUnit.SECONDS);
        }
    }
}
