package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.BenchFeeds;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /api/run}: the inspector's endpoint, and every way a pipe can be wrong. */
class RunApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.standard();
        token = server.token("editor@example.org");
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    private static HttpResponse<String> run(String body) {
        return server.send("POST", "/api/run", token, body);
    }

    @Test
    void runsAPipeAndAnswersItemsWithTheTrace() throws Exception {
        HttpResponse<String> r = run("{\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("items")).hasSize(15);
        assertThat(body.get("items").get(0).get("title").asText()).contains("quantum");
        assertThat(body.get("errors")).isEmpty();
        assertThat(body.get("trace")).extracting(t -> t.get("blockId").asText()).contains("feed1", "filter1", "output");
    }

    @Test
    void inspectsAChosenBlockWithDroppedItems() throws Exception {
        JsonNode body = JSON.readTree(run("{\"block\":\"filter1\",\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}").body());
        assertThat(body.get("block").asText()).isEqualTo("filter1");
        JsonNode trace = null;
        for (JsonNode t : body.get("trace")) {
            if (t.get("blockId").asText().equals("filter1")) {
                trace = t;
            }
        }
        assertThat(trace).isNotNull();
        assertThat(trace.get("itemsIn").asInt()).isEqualTo(50);
        assertThat(trace.get("drops")).hasSize(35);
        assertThat(trace.get("sourceEntries").asInt()).as("a filter parses nothing").isEqualTo(-1);
    }

    @Test
    void theTraceComparesAFeedsEntriesWithItsItems() throws Exception {
        JsonNode body = JSON.readTree(run("{\"block\":\"feed1\",\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}").body());
        JsonNode feed = null;
        for (JsonNode t : body.get("trace")) {
            if (t.get("blockId").asText().equals("feed1")) {
                feed = t;
            }
        }
        assertThat(feed).isNotNull();
        assertThat(feed.get("sourceEntries").asInt()).as("<item>s in F1.xml").isEqualTo(50);
        assertThat(feed.get("itemsOut").asInt()).isEqualTo(50);
    }

    @Test
    void answersRssWhenAsked() {
        HttpResponse<String> r = server.send("POST", "/api/run?format=rss", token, "{\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        assertThat(r.body()).contains("<rss");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cycle|{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"a\"}]},{\"id\":\"a\",\"type\":\"UniqueBlock\",\"inputs\":[{\"from\":\"b\"}]},{\"id\":\"b\",\"type\":\"UniqueBlock\",\"inputs\":[{\"from\":\"a\"}]}]}}|cycle|a",
            "unknown type|{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"x\"}]},{\"id\":\"x\",\"type\":\"TeleportBlock\"}]}}|unknown block type \"TeleportBlock\"|x",
            "missing block|{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"nowhere\"}]}]}}|missing block \"nowhere\"|output",
            "no pipe|{\"block\":\"output\"}|no \"pipe\"|",
            "not json|{pipe: nope|not valid JSON|",
            "pipe as broken string|{\"pipe\":\"{oops\"}|not valid JSON|",
            "unknown target|{\"block\":\"ghost\",\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\"}]}}|No block \"ghost\"|ghost",
    })
    void badPipesGetAClear400NamingTheBlock(String name, String body, String message, String block) throws Exception {
        HttpResponse<String> r = run(body);
        assertThat(r.statusCode()).as(name).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.get("error").asText()).contains(message);
        assertThat(error.get("block").isNull() ? null : error.get("block").asText()).isEqualTo(block);
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }

    /** Visitors with no account run from the editor's pages only (AnonymousRunApiTest); a bad token is told so. */
    @Test
    void aBadTokenOrNoOriginRunsNothing() throws Exception {
        String body = "{\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}";
        int before = upstream.hits("F1.xml");
        HttpResponse<String> anonymous = server.post("/api/run", "application/json", body);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(anonymous.body()).get("error").asText()).contains("names no origin");
        HttpResponse<String> badToken = server.send("POST", "/api/run", "made-up-token", body);
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(badToken.body()).get("error").asText()).isEqualTo("Log in or send an API token");
        assertThat(upstream.hits("F1.xml")).as("nothing ran").isEqualTo(before);
    }

    /** A Pipe block in a run may use the caller's own pipes and public ones, never another's private pipe. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"own private pipe,editor@example.org,false,200", "someone's public pipe,someone@example.org,true,200",
            "someone's private pipe,someone@example.org,false,400"})
    void aPipeBlockReadsOnlyPipesTheCallerMayRead(String name, String owner, boolean isPublic, int status) throws Exception {
        String inner = server.save(owner, "Inner", BenchFeeds.pipe("P1", upstream), isPublic).id();
        String outer = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"p\"}]},"
                + "{\"id\":\"p\",\"type\":\"PipeBlock\",\"userinputs\":[\"" + inner + "\"]}]}";
        HttpResponse<String> r = run("{\"pipe\":" + outer + "}");
        assertThat(r.statusCode()).as(name).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        if (status == 200) {
            assertThat(body.get("items")).hasSize(15);
        } else {
            assertThat(body.get("block").asText()).isEqualTo("p");
            assertThat(r.body()).doesNotContain("Inner");
        }
    }

    @Test
    void aTwoMebibytePipeIsRefusedWith413() throws Exception {
        String huge = "{\"pipe\":{\"blocks\":[],\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        HttpResponse<String> r = run(huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("limit is 1 MiB");
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void privateAddressesAreRefusedByDefaultAndNothingReachesThem() throws Exception {
        try (TestServer guarded = new TestServer(Map.of("SLUICE_ALLOW_PRIVATE_NETWORKS", "false"))) {
            int before = upstream.hits("F1.xml");
            HttpResponse<String> r = guarded.send("POST", "/api/run", guarded.token("editor@example.org"),
                    "{\"pipe\":" + BenchFeeds.pipe("P1", upstream) + "}");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("errors").get(0).get("message").asText()).containsIgnoringCase("refused");
            assertThat(upstream.hits("F1.xml")).isEqualTo(before);
        }
    }
}
