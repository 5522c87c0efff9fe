package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.BenchFeeds;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/run} for visitors with no account ("try before login"): it runs under the
 * anonymous plan, from this site's pages only, within a budget of runs per address, with public
 * pipes only and no Webhook blocks, and the address guard as for everyone. Every upstream is on
 * 127.0.0.0/8.
 */
class AnonymousRunApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The cheapest pipe there is: an Output block and nothing else. */
    static final String EMPTY_RUN = "{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
            + "\"inputs\":[{}],\"textinputs\":[]}]}}";

    static BenchServer upstream;
    static TestServer server;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.forBrowser(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    /** Every test starts with a full budget: the buckets refill over one window of the server's clock. */
    @BeforeEach
    void refill() {
        server.clock.advance(AnonymousRuns.WINDOW);
    }

    /** A run as the editor page sends it: no login, this site's Origin. */
    static HttpResponse<String> anonymousRun(TestServer on, String body) {
        return on.post("/api/run", "application/json", body, "Origin", on.url(""));
    }

    static String feedPipe(String url) {
        return "{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"feed1\"}]},"
                + "{\"id\":\"feed1\",\"type\":\"FeedBlock\",\"name\":\"Feed\",\"userinputs\":[" + JSON.valueToTree(url) + "]}]}}";
    }

    @Test
    void aVisitorRunsAPipeAndSeesItsItems() throws Exception {
        HttpResponse<String> r = anonymousRun(server, "{\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("items")).hasSize(15);
        assertThat(body.get("errors")).isEmpty();
        JsonNode filter = JSON.readTree(anonymousRun(server, "{\"block\":\"filter1\",\"pipe\":"
                + BenchFeeds.pipe("P1", upstream) + "}").body());
        assertThat(filter.get("block").asText()).as("any block may be inspected").isEqualTo("filter1");
    }

    @Test
    void anotherSitesPagesCannotStartAVisitorsRun() throws Exception {
        String body = "{\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}";
        int before = upstream.hits("F1.xml");
        HttpResponse<String> forged = server.post("/api/run", "application/json", body, "Origin", "https://elsewhere.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("error").asText()).contains("another site");
        HttpResponse<String> nameless = server.post("/api/run", "application/json", body);
        assertThat(nameless.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(nameless.body()).get("error").asText()).contains("names no origin");
        assertThat(upstream.hits("F1.xml")).as("nothing ran").isEqualTo(before);
    }

    @Test
    void eachAddressHasABudgetOfRunsThen429WithRetryAfter() throws Exception {
        for (int i = 0; i < AnonymousRuns.PER_IP; i++) {
            assertThat(anonymousRun(server, EMPTY_RUN).statusCode()).as("run %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = anonymousRun(server, EMPTY_RUN);
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, AnonymousRuns.WINDOW.toSeconds());
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.get("error").asText()).startsWith("Too many runs from your address; try again in " + retryAfter + " s");
        assertThat(server.send("POST", "/api/run", server.token("someone@example.org"), EMPTY_RUN).statusCode())
                .as("people with an account have no such limit").isEqualTo(200);

        server.clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(anonymousRun(server, EMPTY_RUN).statusCode()).as("after Retry-After, one more run").isEqualTo(200);
        assertThat(anonymousRun(server, EMPTY_RUN).statusCode()).isEqualTo(429);
    }

    @Test
    void aRunThatOutlastsTheAnonymousPlansLimitAnswersWithATimeout() throws Exception {
        try (MockWebServer silent = new MockWebServer()) {
            silent.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            silent.start(InetAddress.getByName("127.0.0.1"), 0);
            long start = System.nanoTime();
            HttpResponse<String> r = anonymousRun(server, feedPipe("http://127.0.0.1:" + silent.getPort() + "/never.xml"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("items")).isEmpty();
            assertThat(body.get("errors")).isNotEmpty();
            assertThat(body.get("errors").get(0).get("block").asText()).isEqualTo("feed1");
            assertThat(body.get("errors").get(0).get("message").asText()).containsIgnoringCase("time");
            // The anonymous limit is 3 s; the free plan's (what a logged-in caller would get) is 10 s.
            assertThat(took).as("answered near the 3 s limit, well before the free plan's 10 s").isLessThan(Duration.ofSeconds(8));
        }
    }

    /**
     * All visitors share one account's share of the concurrent runs: with a share of one run, a
     * visitor's long run leaves no room for another visitor's, while an account's runs go on.
     */
    @Test
    void visitorsTogetherTakeOneShareOfTheRunSlots(@TempDir Path dir) throws Exception {
        Path plans = dir.resolve("plans.json");
        // A long anonymous limit, so the first run surely holds its place while the second waits (2 s).
        Files.writeString(plans, "{\"free\":{\"runLimitMs\":10000},\"anonymous\":{\"runLimitMs\":8000}}");
        try (TestServer shared = TestServer.forBrowser(Map.of("SLUICE_MAX_COLD_RUNS_PER_USER", "1",
                "SLUICE_PLANS_FILE", plans.toString()));
             MockWebServer silent = new MockWebServer()) {
            silent.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            silent.start(InetAddress.getByName("127.0.0.1"), 0);
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> anonymousRun(shared, feedPipe("http://127.0.0.1:" + silent.getPort() + "/never.xml")));
            assertThat(silent.takeRequest(20, TimeUnit.SECONDS)).as("the first run is fetching").isNotNull();

            HttpResponse<String> second = anonymousRun(shared, EMPTY_RUN);
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(second.body()).get("error").asText()).startsWith(AnonymousRuns.CROWDED);
            assertThat(shared.send("POST", "/api/run", shared.token("someone@example.org"), EMPTY_RUN).statusCode())
                    .as("an account's run has its own share").isEqualTo(200);
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void webhookBlocksAreRefusedNamingTheBlock() throws Exception {
        String pipe = "{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"0123456789\"}]},"
                + "{\"id\":\"0123456789\",\"type\":\"WebhookBlock\",\"name\":\"Orders\",\"userinputs\":[\"\",\"\"]}]}}";
        HttpResponse<String> r = anonymousRun(server, pipe);
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.get("block").asText()).isEqualTo("0123456789");
        assertThat(error.get("error").asText()).contains("Webhook block \"Orders\" (0123456789)").contains("Log in");
        assertThat(server.send("POST", "/api/run", server.token("someone@example.org"), pipe).statusCode())
                .as("logged in, the same pipe runs").isEqualTo(200);
    }

    @Test
    void aPipeBlockMayUsePublicPipesOnly() throws Exception {
        String secret = server.save("author@example.org", "Secret inner 5b2e", BenchFeeds.pipe("P1", upstream), false).id();
        String shared = server.save("author@example.org", "Shared inner", BenchFeeds.pipe("P1", upstream), true).id();

        HttpResponse<String> refused = anonymousRun(server, outer(secret));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("block").asText()).isEqualTo("p");
        assertThat(refused.body()).doesNotContain("Secret inner");

        HttpResponse<String> allowed = anonymousRun(server, outer(shared));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(JSON.readTree(allowed.body()).get("items")).hasSize(15);
    }

    private static String outer(String innerId) {
        return "{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"p\"}]},"
                + "{\"id\":\"p\",\"type\":\"PipeBlock\",\"userinputs\":[\"" + innerId + "\"]}]}}";
    }

    @Test
    void switchedOffVisitorsMustLogInAsBefore() throws Exception {
        try (TestServer off = TestServer.forBrowser(Map.of("SLUICE_ANONYMOUS_RUNS", "false"))) {
            int before = upstream.hits("F1.xml");
            HttpResponse<String> r = anonymousRun(off, "{\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("Log in or send an API token");
            assertThat(off.post("/api/run", "application/json", EMPTY_RUN).statusCode())
                    .as("no origin check first: the answer is still 401").isEqualTo(401);
            assertThat(upstream.hits("F1.xml")).as("nothing ran").isEqualTo(before);
        }
    }

    /**
     * The address guard applies to visitors as to everyone: with private networks not allowed,
     * a loopback upstream and every literal address of the SSRF corpus are refused before any
     * connection. The corpus's host names are left out: they need the corpus test's own
     * resolver, and this server would ask the real DNS.
     */
    @Test
    void privateAndLoopbackAddressesAreRefusedForVisitors() throws Exception {
        try (TestServer guarded = TestServer.forBrowser(Map.of("SLUICE_ALLOW_PRIVATE_NETWORKS", "false"))) {
            int before = upstream.hits("F1.xml");
            HttpResponse<String> r = anonymousRun(guarded, "{\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("errors").get(0).get("message").asText()).containsIgnoringCase("refused");
            assertThat(upstream.hits("F1.xml")).as("nothing reached the loopback upstream").isEqualTo(before);

            for (String url : literalCorpus()) {
                guarded.clock.advance(AnonymousRuns.WINDOW);
                JsonNode body = JSON.readTree(anonymousRun(guarded, feedPipe(url)).body());
                assertThat(body.get("items")).as(url).isEmpty();
                assertThat(body.get("errors")).as(url).hasSize(1);
                assertThat(body.get("errors").get(0).get("message").asText()).as(url)
                        .containsAnyOf("refused", "Only http and https", "Not a valid http(s) URL");
            }
        }
    }

    /** The SSRF corpus's direct URLs whose host is written as an address (no DNS lookup needed). */
    static List<String> literalCorpus() {
        try (InputStream in = AnonymousRunApiTest.class.getResourceAsStream("/security/ssrf-corpus.txt")) {
            List<String> urls = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("redirect:"))
                    .filter(l -> !l.matches("(?i)^https?://[^/]*\\.(example|internal)(/.*)?$"))
                    .toList();
            assertThat(urls).as("the corpus's literal addresses").hasSizeGreaterThan(30);
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
