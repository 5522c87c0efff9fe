package dev.sluice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.PipeRepository;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plans enforced by the server, with small limits from SLUICE_PLANS_FILE: a run of a
 * pipe that reads a trickling upstream stops at its plan's limit — the owner's for a saved pipe,
 * the caller's for {@code /api/run} — and the pipe cap refuses the pipe after the last allowed.
 */
class PlanEnforcementTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PLANS = "{\"free\":{\"runLimitMs\":700,\"maxPipes\":2,\"jsRendering\":false},"
            + "\"supporter\":{\"runLimitMs\":1000,\"maxPipes\":20,\"jsRendering\":false},"
            + "\"pro\":{\"runLimitMs\":1500,\"maxPipes\":2,\"jsRendering\":true}}";
    static BenchServer upstream;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        upstream = new BenchServer();
        Path plans = Files.createTempFile("sluice-plans", ".json");
        Files.writeString(plans, PLANS);
        server = new TestServer(Map.of("SLUICE_PLANS_FILE", plans.toString()));
        warmUp();
    }

    /**
     * One quick run down each path first, so the timed runs measure the deadline and not the
     * server loading its classes on its first request.
     */
    private static void warmUp() {
        String quick = tricklePipe(2).replace(upstream.trickleUrl(2, "T1.xml"), upstream.fastUrl(2, "F1.xml"));
        User user = userOn("pro");
        StoredPipe pipe = server.save(user.email(), "Warm-up", quick, true);
        assertThat(server.get("/feed/" + pipe.id()).statusCode()).isEqualTo(200);
        String token = server.sluice.tokens().create(user.id(), "warm-up").value();
        assertThat(server.request("POST", "/api/run", "{\"pipe\":" + quick + "}", "Authorization", "Bearer " + token,
                "Content-Type", "application/json").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    private static User userOn(String plan) {
        String email = plan + "-" + System.nanoTime() + "@example.org";
        User user = server.sluice.users().findOrCreate(email);
        server.sluice.users().setPlan(email, plan);
        return server.sluice.users().find(user.id()).orElseThrow();
    }

    /** A pipe whose only feed trickles 1 KiB every 100 ms: it always runs into its deadline. */
    private static String tricklePipe(int host) {
        return "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"slow\",\"from_output_slot\":0}]},"
                + "{\"id\":\"slow\",\"type\":\"FeedBlock\",\"name\":\"Trickle\",\"userinputs\":[\"" + upstream.trickleUrl(host, "T1.xml") + "\"]}]}";
    }

    /** Free stops near 0.7 s, pro near 1.5 s; the margins are wide so a busy machine stays green. */
    private static void assertStoppedAtPlanLimit(String plan, long tookMs) {
        if (plan.equals("free")) {
            assertThat(tookMs).as("free run time (limit 700 ms)").isLessThan(1200);
        } else {
            assertThat(tookMs).as("pro run time (limit 1500 ms)").isBetween(1200L, 2500L);
        }
    }

    @ParameterizedTest(name = "[{index}] a {0} owner's pipe")
    @CsvSource({"free, 3", "pro, 4"})
    void aSavedPipeRunsAsLongAsItsOwnersPlanAllows(String plan, int host) {
        User owner = userOn(plan);
        StoredPipe pipe = server.save(owner.email(), "Trickle", tricklePipe(host), true);

        long start = System.nanoTime();
        HttpResponse<String> r = server.get("/feed/" + pipe.id());
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Sluice-Errors").orElseThrow()).containsIgnoringCase("timed out");
        assertStoppedAtPlanLimit(plan, tookMs);
    }

    @ParameterizedTest(name = "[{index}] /api/run by a {0} caller")
    @CsvSource({"free, 5", "pro, 6"})
    void anApiRunIsBoundByTheCallersPlan(String plan, int host) throws Exception {
        User caller = userOn(plan);
        String token = server.sluice.tokens().create(caller.id(), "test").value();

        long start = System.nanoTime();
        HttpResponse<String> r = server.request("POST", "/api/run", "{\"pipe\":" + tricklePipe(host) + "}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode errors = JSON.readTree(r.body()).get("errors");
        assertThat(errors).anySatisfy(e -> assertThat(e.get("message").asText()).containsIgnoringCase("timed out"));
        assertStoppedAtPlanLimit(plan, tookMs);
    }

    @Test
    void thePipeCapRefusesTheThirdPipeWithAClearMessage() throws Exception {
        User owner = userOn("free");
        for (int i = 1; i <= 2; i++) {
            server.sluice.pipes().create(owner, draft("Pipe " + i));
        }
        assertThatThrownBy(() -> server.sluice.pipes().create(owner, draft("Pipe 3")))
                .isInstanceOf(PlanLimitExceeded.class)
                .hasMessageStartingWith("Your plan (free) allows 2 pipes");
        assertThat(server.sluice.pipeRepository().countByOwner(owner.id())).isEqualTo(2);

        server.sluice.users().setPlan(owner.email(), "supporter");
        User upgraded = server.sluice.users().find(owner.id()).orElseThrow();
        assertThat(server.sluice.pipes().create(upgraded, draft("Pipe 3")).title()).isEqualTo("Pipe 3");
    }

    private static PipeRepository.Draft draft(String title) {
        return new PipeRepository.Draft(title, "", tricklePipe(7), false, List.of());
    }
}
