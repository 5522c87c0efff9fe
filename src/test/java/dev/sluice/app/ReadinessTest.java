package dev.sluice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A started server is live at once and ready once its warm-up is done: a load balancer that
 * waits for /readyz sends the first cold request to compiled code, one that only checks /healthz
 * is served meanwhile.
 */
class ReadinessTest {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyAfterTheWarmUpLiveBefore() throws Exception {
        Config config = Config.from(Map.of("SLUICE_PORT", "0", "SLUICE_DATA_DIR", dir.toString()));
        try (Sluice sluice = Sluice.startServing(config)) {
            Set<String> answers = new LinkedHashSet<>();
            long until = System.nanoTime() + 120_000_000_000L;
            HttpResponse<String> ready;
            do {
                assertEquals(200, get(sluice.port(), "/healthz").statusCode(), "live while warming up");
                assertEquals(200, get(sluice.port(), "/login").statusCode(), "pages are served while warming up");
                ready = get(sluice.port(), "/readyz");
                answers.add(ready.statusCode() + " " + ready.body());
                Thread.sleep(20);
            } while (ready.statusCode() != 200 && System.nanoTime() < until);
            assertEquals("200 ready", ready.statusCode() + " " + ready.body());
            assertTrue(answers.contains("503 warming up"), "seen: " + answers);
        }
    }

    @Test
    void readyAtOnceWithoutWarmUp() throws Exception {
        Config config = Config.from(Map.of("SLUICE_PORT", "0", "SLUICE_DATA_DIR", dir.toString(), "SLUICE_WARMUP", "false"));
        try (Sluice sluice = Sluice.startServing(config)) {
            HttpResponse<String> ready = get(sluice.port(), "/readyz");
            assertEquals("200 ready", ready.statusCode() + " " + ready.body());
        }
    }

    @Test
    void httpWarmUpFetchesFromTheServerItself() throws Exception {
        Config config = Config.from(Map.of("SLUICE_PORT", "0", "SLUICE_DATA_DIR", dir.toString(), "SLUICE_WARMUP", "false"));
        try (Sluice sluice = Sluice.startServing(config)) {
            assertEquals(30, HttpWarmup.run(sluice.port(), 30, java.time.Duration.ofSeconds(60)));
            assertEquals(0, HttpWarmup.run(sluice.port() == 1 ? 2 : 1, 3, java.time.Duration.ofSeconds(10)),
                    "nothing listening: nothing answered, and no exception");
        }
    }
}
