package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.testing.BenchFeeds;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Admission: identical runs are shared; too many runs wait briefly, then get 503. */
class RunSharingTest {

    @Test
    void concurrentRequestsForTheSamePipeShareOneRun() throws Exception {
        try (BenchServer upstream = new BenchServer(); TestServer server = TestServer.standard()) {
            StoredPipe pipe = server.save("alice@example.org", "Slow eight", BenchFeeds.pipe("P3", upstream), true);
            long before = server.sluice.outputs().runs();
            List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                requests.add(CompletableFuture.supplyAsync(() -> server.get("/feed/" + pipe.id() + ".json")));
            }
            for (CompletableFuture<HttpResponse<String>> r : requests) {
                assertThat(r.get().statusCode()).isEqualTo(200);
            }
            assertThat(server.sluice.outputs().runs() - before).isEqualTo(1);
            assertThat(upstream.hits("F8.xml")).isEqualTo(1);
        }
    }

    @Test
    void aUserWithTooManyRunsGets503WhileOthersAreServed() throws Exception {
        Map<String, String> env = Map.of("SLUICE_MAX_COLD_RUNS_PER_USER", "1", "SLUICE_RUN_LIMIT_MS", "5000");
        try (BenchServer upstream = new BenchServer(); TestServer server = new TestServer(env)) {
            StoredPipe slow = server.save("greedy@example.org", "Trickle", BenchFeeds.pipe("PE", upstream), true);
            StoredPipe second = server.save("greedy@example.org", "Another", BenchFeeds.pipe("P1", upstream), true);
            StoredPipe other = server.save("patient@example.org", "Other", BenchFeeds.pipe("P1", upstream), true);
            CompletableFuture<HttpResponse<String>> hog = CompletableFuture.supplyAsync(() -> server.get("/feed/" + slow.id()));
            Thread.sleep(300);
            HttpResponse<String> refused = server.get("/feed/" + second.id());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("Too many runs");
            assertThat(server.get("/feed/" + other.id()).statusCode()).isEqualTo(200);
            assertThat(hog.get().statusCode()).isEqualTo(200);
        }
    }
}
