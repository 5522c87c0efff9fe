package dev.sluice.web;

import static dev.sluice.pipe.PipeJsonForTests.block;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.block.Blocks;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.WebhookBlocks;
import dev.sluice.store.PipeRepository;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API for pipes, endpoint by endpoint, with the ways a request can be wrong. */
class PipeApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A pipe that runs without any upstream: its output is an empty feed. */
    static final String EMPTY = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":1,\"y\":2,"
            + "\"name\":\"Output\",\"userinputs\":[\"\"],\"inputs\":[{}],\"textinputs\":[]}]}";
    /** The same, moved on the canvas: a different version of the pipe. */
    static final String OTHER_EMPTY = EMPTY.replace("\"x\":1", "\"x\":500");
    static final String SECRET = "s3cr3t-hook-secret";

    static TestServer server;
    static String alice;
    static String bob;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
        alice = server.token("alice@example.org");
        bob = server.token("bob@example.org");
        server.sluice.users().setPlan("alice@example.org", "pro");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String error() {
            return json.path("error").asText();
        }
    }

    static Answer api(String method, String path, String token, String body) {
        HttpResponse<String> r = server.send(method, path, token, body);
        try {
            return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + r.body(), e);
        }
    }

    static String body(String title, String pipeJson, boolean isPublic, String tags) {
        return "{\"title\":" + quote(title) + ",\"description\":\"What it does\",\"pipe\":" + pipeJson
                + ",\"public\":" + isPublic + ",\"tags\":" + tags + "}";
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode create(String token, String title, boolean isPublic) {
        Answer a = api("POST", "/api/pipes", token, body(title, EMPTY, isPublic, "[]"));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json();
    }

    @Test
    void createAnswers201WithTheStoredPipeAndTheOwnerSeesItsFeedKey() throws Exception {
        Answer a = api("POST", "/api/pipes", alice, body("Morning news", EMPTY, false, "[\"News\"]"));
        assertThat(a.status()).isEqualTo(201);
        JsonNode p = a.json();
        String id = p.get("id").asText();
        StoredPipe stored = server.sluice.pipes().find(id).orElseThrow();
        assertThat(a.raw().headers().firstValue("Location")).hasValue("/api/pipes/" + id);
        assertThat(p.get("title").asText()).isEqualTo("Morning news");
        assertThat(p.get("description").asText()).isEqualTo("What it does");
        assertThat(p.get("public").asBoolean()).isFalse();
        assertThat(p.get("tags")).containsExactly(JSON.readTree("\"news\""));
        assertThat(p.get("version").asInt()).isEqualTo(1);
        assertThat(p.get("feedUrl").asText()).endsWith("/feed/" + id + ".rss?key=" + stored.feedKey());
        assertThat(p.get("createdAt").asText()).isEqualTo(stored.createdAt().toString());
        assertThat(p.get("updatedAt").asText()).isNotEmpty();
        assertThat(p.get("likes").asInt()).isZero();
        assertThat(p.get("pipe")).isEqualTo(JSON.readTree(stored.json()));
        assertThat(p.get("pipe").get("blocks").get(0).get("type").asText()).isEqualTo("OutputBlock");

        assertThat(api("GET", "/api/pipes/" + id, alice, null).json()).isEqualTo(p);
        Answer list = api("GET", "/api/pipes", alice, null);
        assertThat(list.json()).extracting(n -> n.get("id").asText()).contains(id);
        assertThat(list.json()).allSatisfy(n -> assertThat(n.has("pipe")).as("listings leave the JSON out").isFalse());
        assertThat(api("GET", "/api/pipes", bob, null).json()).extracting(n -> n.get("id").asText()).doesNotContain(id);
        assertThat(server.get("/feed/" + id + ".rss?key=" + stored.feedKey()).statusCode()).isEqualTo(200);
    }

    @Test
    void thePipeMayBeSentAsAJsonString() {
        Answer a = api("POST", "/api/pipes", alice, body("As text", quote(EMPTY), false, "[]"));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.json().get("pipe")).isEqualTo(api("GET", "/api/pipes/" + a.json().get("id").asText(), alice, null).json().get("pipe"));
        assertThat(a.json().get("pipe").get("blocks")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"title\": \"x\", \"pipe\": |not valid JSON|",
            "a list, not an object|[1, 2]|must be a JSON object|",
            "no pipe|{\"title\":\"x\"}|no \"pipe\"|",
            "pipe is a number|{\"pipe\":42}|\"pipe\" must be the pipe JSON object|",
            "pipe is broken JSON text|{\"pipe\":\"{oops\"}|not valid JSON|",
            "no blocks|{\"pipe\":{\"nodes\":[]}}|no \"blocks\" list|",
            "cycle|{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"a\"}]},{\"id\":\"a\",\"type\":\"UniqueBlock\",\"inputs\":[{\"from\":\"b\"}]},{\"id\":\"b\",\"type\":\"UniqueBlock\",\"inputs\":[{\"from\":\"a\"}]}]}}|cycle|a",
            "unknown block type|{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"x\"}]},{\"id\":\"x\",\"type\":\"TeleportBlock\"}]}}|unknown block type \"TeleportBlock\"|x",
            "title not a string|{\"title\":5,\"pipe\":{\"blocks\":[]}}|\"title\" must be a string|",
            "public not a boolean|{\"public\":\"yes\",\"pipe\":{\"blocks\":[]}}|\"public\" must be true or false|",
            "tags not a list|{\"tags\":\"a,b\",\"pipe\":{\"blocks\":[]}}|\"tags\" must be a list of strings|",
            "tags of numbers|{\"tags\":[1,2],\"pipe\":{\"blocks\":[]}}|\"tags\" must be a list of strings|",
            "public without title|{\"public\":true,\"title\":\"  \",\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\"}]}}|Give the pipe a title before sharing it|",
    })
    void badRequestsGetA400ThatSaysWhatIsWrong(String name, String body, String message, String block) {
        int before = server.sluice.pipes().listByOwner(userId("alice@example.org")).size();
        Answer a = api("POST", "/api/pipes", alice, body);
        assertThat(a.status()).as(name).isEqualTo(400);
        assertThat(a.error()).contains(message);
        assertThat(a.json().get("block").isNull() ? null : a.json().get("block").asText()).isEqualTo(block);
        assertThat(server.sluice.pipes().listByOwner(userId("alice@example.org"))).as("nothing stored").hasSize(before);
    }

    @Test
    void tooManyOrTooLongTagsAreRefused() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("\"tag" + i + "\"");
        }
        Answer tooMany = api("POST", "/api/pipes", alice, body("Tagged", EMPTY, false, "[" + String.join(",", many) + "]"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error()).contains("at most 20 tags");

        Answer tooLong = api("POST", "/api/pipes", alice, body("Tagged", EMPTY, false, "[\"" + "x".repeat(41) + "\"]"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.error()).contains("longer than 40 characters");
        // Twenty distinct tags after normalising, each exactly 40 characters, are fine.
        List<String> twenty = new ArrayList<>(many.subList(0, 20));
        twenty.set(0, "\"" + "y".repeat(40) + "\"");
        twenty.add("\" TAG1 \"");
        assertThat(api("POST", "/api/pipes", alice, body("Tagged", EMPTY, false, "[" + String.join(",", twenty) + "]"))
                .status()).isEqualTo(201);
    }

    @Test
    void aTwoMebibytePipeIsRefusedWith413AndOneJustOverTheLimitWith400() {
        String pad = ",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Answer huge = api("POST", "/api/pipes", alice, "{\"pipe\":" + EMPTY.substring(0, EMPTY.length() - 1) + pad + "}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.error()).contains("limit is 1 MiB");

        String justOver = EMPTY.substring(0, EMPTY.length() - 1) + ",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
        Answer over = api("POST", "/api/pipes", alice, "{\"pipe\":" + justOver + "}");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.error()).contains("Pipe JSON is 1.0 MiB; the limit is 1 MiB");
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,/api/pipes/nosuchpipe00", "PUT,/api/pipes/nosuchpipe00", "DELETE,/api/pipes/nosuchpipe00",
            "GET,/api/pipes/nosuchpipe00/versions", "GET,/api/pipes/nosuchpipe00/versions/1",
            "POST,/api/pipes/nosuchpipe00/share", "POST,/api/pipes/nosuchpipe00/like",
            "POST,/api/pipes/nosuchpipe00/tags", "POST,/api/pipes/nosuchpipe00/fork",
    })
    void anUnknownPipeIs404(String method, String path) {
        Answer a = api(method, path, alice, method.equals("GET") || method.equals("DELETE") ? null : "{\"tags\":[]}");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.error()).isEqualTo("No such pipe");
    }

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicatedWithoutANewVersion() {
        JsonNode p = create(alice, "Tag me", false);
        String id = p.get("id").asText();
        Answer put = api("PUT", "/api/pipes/" + id + "/tags", alice, "{\"tags\":[\" Rust \",\"rust\",\"RUST\",\"Web   Dev\",\"\",\"  \"]}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("tags")).extracting(JsonNode::asText).containsExactly("rust", "web dev");
        assertThat(put.json().get("version").asInt()).as("tags do not change the output").isEqualTo(1);

        Answer post = api("POST", "/api/pipes/" + id + "/tags", alice, "{\"tags\":[\"Java\"]}");
        assertThat(post.json().get("tags")).extracting(JsonNode::asText).containsExactly("java");
        assertThat(api("POST", "/api/pipes/" + id + "/tags", alice, "{}").error()).contains("no \"tags\"");
        assertThat(api("GET", "/api/pipes/" + id, alice, null).json().get("tags")).extracting(JsonNode::asText)
                .containsExactly("java");
    }

    @Test
    void everySaveIsAVersionAndRollingBackSavesTheOldJsonAgain() throws Exception {
        JsonNode v1 = create(alice, "History", false);
        String id = v1.get("id").asText();
        server.clock.advance(java.time.Duration.ofMinutes(1));
        Answer v2 = api("PUT", "/api/pipes/" + id, alice, "{\"title\":\"History 2\",\"pipe\":" + OTHER_EMPTY + "}");
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("pipe")).isNotEqualTo(v1.get("pipe"));

        Answer detailsOnly = api("PUT", "/api/pipes/" + id, alice, "{\"description\":\"Now described\"}");
        assertThat(detailsOnly.json().get("version").asInt()).as("no pipe, no new version").isEqualTo(2);
        assertThat(detailsOnly.json().get("description").asText()).isEqualTo("Now described");
        assertThat(detailsOnly.json().get("title").asText()).isEqualTo("History 2");

        JsonNode history = api("GET", "/api/pipes/" + id + "/versions", alice, null).json();
        assertThat(history).extracting(n -> n.get("version").asInt()).containsExactly(2, 1);
        assertThat(history).extracting(n -> n.get("title").asText()).containsExactly("History 2", "History");
        assertThat(history.get(0).get("createdAt").asText()).isNotEqualTo(history.get(1).get("createdAt").asText());
        assertThat(history.get(0).has("pipe")).isFalse();

        JsonNode old = api("GET", "/api/pipes/" + id + "/versions/1", alice, null).json();
        assertThat(old.get("pipe")).isEqualTo(v1.get("pipe"));
        Answer rolledBack = api("PUT", "/api/pipes/" + id, alice, "{\"pipe\":" + old.get("pipe") + "}");
        assertThat(rolledBack.json().get("version").asInt()).isEqualTo(3);
        assertThat(rolledBack.json().get("pipe")).isEqualTo(v1.get("pipe"));
        assertThat(api("GET", "/api/pipes/" + id + "/versions", alice, null).json()).hasSize(3);

        assertThat(api("GET", "/api/pipes/" + id + "/versions/9", alice, null).status()).isEqualTo(404);
        assertThat(api("GET", "/api/pipes/" + id + "/versions/abc", alice, null).status()).isEqualTo(404);
    }

    @Test
    void anInvalidSaveKeepsTheCurrentVersion() {
        JsonNode p = create(alice, "Stable", false);
        String id = p.get("id").asText();
        Answer bad = api("PUT", "/api/pipes/" + id, alice, "{\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\","
                + "\"inputs\":[{\"from\":\"gone\"}]}]}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("block").asText()).isEqualTo("output");
        JsonNode now = api("GET", "/api/pipes/" + id, alice, null).json();
        assertThat(now.get("version").asInt()).isEqualTo(1);
        assertThat(now.get("pipe")).isEqualTo(p.get("pipe"));
    }

    @Test
    void sharingNeedsATitleAndUnsharingHidesThePipeAtOnce() {
        JsonNode untitled = create(alice, "", false);
        Answer refused = api("POST", "/api/pipes/" + untitled.get("id").asText() + "/share", alice, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("Give the pipe a title before sharing it");

        JsonNode p = create(alice, "Worth sharing", false);
        String id = p.get("id").asText();
        assertThat(api("GET", "/api/pipes/" + id, null, null).status()).isEqualTo(404);
        Answer shared = api("POST", "/api/pipes/" + id + "/share", alice, null);
        assertThat(shared.json().get("public").asBoolean()).isTrue();
        assertThat(shared.json().get("feedUrl").asText()).endsWith("/feed/" + id + ".rss");
        Answer seen = api("GET", "/api/pipes/" + id, null, null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("mine").asBoolean()).isFalse();
        assertThat(server.get("/feed/" + id).statusCode()).isEqualTo(200);

        assertThat(api("POST", "/api/pipes/" + id + "/unshare", alice, null).json().get("public").asBoolean()).isFalse();
        assertThat(api("GET", "/api/pipes/" + id, null, null).status()).isEqualTo(404);
        assertThat(api("GET", "/api/pipes/" + id, bob, null).status()).isEqualTo(404);
        assertThat(server.get("/feed/" + id).statusCode()).isEqualTo(404);
        assertThat(api("PUT", "/api/pipes/" + id, alice, "{\"title\":\"\",\"public\":true}").error())
                .isEqualTo("Give the pipe a title before sharing it");
    }

    @Test
    void likesCountOncePerUserAndOwnersCannotLikeTheirOwn() {
        String id = create(alice, "Likeable", true).get("id").asText();
        String carol = server.token("carol@example.org");
        assertThat(api("POST", "/api/pipes/" + id + "/like", bob, null).json().get("likes").asInt()).isEqualTo(1);
        Answer again = api("POST", "/api/pipes/" + id + "/like", bob, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("likes").asInt()).as("liking twice counts once").isEqualTo(1);
        assertThat(again.json().get("liked").asBoolean()).isTrue();
        assertThat(api("POST", "/api/pipes/" + id + "/like", carol, null).json().get("likes").asInt()).isEqualTo(2);
        assertThat(api("GET", "/api/pipes/" + id, alice, null).json().get("likes").asInt()).isEqualTo(2);
        assertThat(api("GET", "/api/pipes", alice, null).json()).filteredOn(n -> n.get("id").asText().equals(id))
                .extracting(n -> n.get("likes").asInt()).containsExactly(2);

        Answer own = api("POST", "/api/pipes/" + id + "/like", alice, null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.error()).isEqualTo("You cannot like your own pipe");

        assertThat(api("POST", "/api/pipes/" + id + "/unlike", bob, null).json().get("likes").asInt()).isEqualTo(1);
        Answer unlikedAgain = api("POST", "/api/pipes/" + id + "/unlike", bob, null);
        assertThat(unlikedAgain.json().get("likes").asInt()).isEqualTo(1);
        assertThat(unlikedAgain.json().get("liked").asBoolean()).isFalse();
    }

    @Test
    void aForkIsAPrivateCopyOwnedByTheCaller() {
        Answer source = api("POST", "/api/pipes", alice, body("Shared tools", EMPTY, true, "[\"tools\"]"));
        String id = source.json().get("id").asText();
        Answer fork = api("POST", "/api/pipes/" + id + "/fork", bob, null);
        assertThat(fork.status()).isEqualTo(201);
        JsonNode copy = fork.json();
        String copyId = copy.get("id").asText();
        assertThat(copyId).isNotEqualTo(id);
        assertThat(copy.get("title").asText()).isEqualTo("Fork of Shared tools");
        assertThat(copy.get("public").asBoolean()).isFalse();
        assertThat(copy.get("tags")).extracting(JsonNode::asText).containsExactly("tools");
        assertThat(copy.get("pipe")).isEqualTo(source.json().get("pipe"));
        assertThat(copy.get("feedUrl").asText()).contains("?key=" + server.sluice.pipes().find(copyId).orElseThrow().feedKey());
        assertThat(api("GET", "/api/pipes", bob, null).json()).extracting(n -> n.get("id").asText()).contains(copyId);
        assertThat(api("GET", "/api/pipes/" + copyId, alice, null).status()).as("the copy is bob's, and private").isEqualTo(404);

        String secret = create(alice, "Alice's own", false).get("id").asText();
        assertThat(api("POST", "/api/pipes/" + secret + "/fork", bob, null).status()).isEqualTo(404);
        Answer duplicate = api("POST", "/api/pipes/" + secret + "/fork", alice, null);
        assertThat(duplicate.status()).isEqualTo(201);
        assertThat(duplicate.json().get("title").asText()).isEqualTo("Fork of Alice's own");
    }

    @Test
    void aForkCannotUseAPipeItsNewOwnerMayNotRead() {
        String hidden = create(alice, "Hidden source", false).get("id").asText();
        String user = pipe(output("p"), block("p", "PipeBlock", "[\"" + hidden + "\"]", "[]", "[]"));
        Answer outer = api("POST", "/api/pipes", alice, body("Uses hidden", user, true, "[]"));
        assertThat(outer.status()).as(outer.raw().body()).isEqualTo(201);
        Answer fork = api("POST", "/api/pipes/" + outer.json().get("id").asText() + "/fork", bob, null);
        assertThat(fork.status()).isEqualTo(400);
        assertThat(fork.json().get("block").asText()).isEqualTo("p");
    }

    @Test
    void othersNeverSeeAWebhookSecret() {
        // Its own hook id: the start-up repair of the hook index may index this pipe at any time,
        // and the fork test below must be free to save "a1b2c3d4e5".
        StoredPipe hooked = storeUnvalidated(webhookPipe("b1b2c3d4e5"), true);
        Answer owner = api("GET", "/api/pipes/" + hooked.id(), alice, null);
        assertThat(owner.raw().body()).contains(SECRET);
        for (String viewer : new String[] {bob, null}) {
            Answer other = api("GET", "/api/pipes/" + hooked.id(), viewer, null);
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.raw().body()).doesNotContain(SECRET).doesNotContain(hooked.feedKey());
            JsonNode webhook = other.json().get("pipe").get("blocks").get(1);
            assertThat(webhook.get("id").asText()).isEqualTo("b1b2c3d4e5");
            assertThat(webhook.get("userinputs")).containsExactly(TextNode.valueOf("events"), TextNode.valueOf(""));
        }
        assertThat(api("POST", "/api/pipes/" + hooked.id() + "/like", bob, null).raw().body()).doesNotContain(SECRET);
    }

    @Test
    void aForkGivesWebhookBlocksFreshIdsAndNoSecret() {
        assumeTrue(Blocks.registry().find(WebhookBlocks.TYPE).isPresent(), "the Webhook block is not in this build yet");
        Answer source = api("POST", "/api/pipes", alice, body("Hooked", webhookPipe("a1b2c3d4e5"), true, "[]"));
        assertThat(source.status()).as(source.raw().body()).isEqualTo(201);
        for (String caller : new String[] {bob, alice}) {
            Answer fork = api("POST", "/api/pipes/" + source.json().get("id").asText() + "/fork", caller, null);
            assertThat(fork.status()).isEqualTo(201);
            assertThat(fork.raw().body()).doesNotContain(SECRET).doesNotContain("a1b2c3d4e5");
            JsonNode blocks = fork.json().get("pipe").get("blocks");
            String fresh = blocks.get(1).get("id").asText();
            assertThat(fresh).matches("[0-9a-f]{10}");
            assertThat(blocks.get(0).get("inputs").get(0).get("from").asText()).as("links follow the new id").isEqualTo(fresh);
        }
    }

    @Test
    void deletingAPipeRemovesItEverywhere() {
        JsonNode p = create(alice, "Short-lived", true);
        String id = p.get("id").asText();
        api("POST", "/api/pipes/" + id + "/like", bob, null);
        Answer deleted = api("DELETE", "/api/pipes/" + id, alice, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.raw().body()).isEmpty();
        assertThat(api("GET", "/api/pipes/" + id, alice, null).status()).isEqualTo(404);
        assertThat(api("GET", "/api/pipes/" + id + "/versions", alice, null).status()).isEqualTo(404);
        assertThat(server.get("/feed/" + id).statusCode()).isEqualTo(404);
        assertThat(api("DELETE", "/api/pipes/" + id, alice, null).status()).isEqualTo(404);
    }

    @Test
    void thePlansPipeLimitGivesAClear403() throws Exception {
        Path plans = Files.createTempFile("plans", ".json");
        Files.writeString(plans, "{\"free\":{\"runLimitMs\":10000,\"maxPipes\":2,\"jsRendering\":false},"
                + "\"pro\":{\"runLimitMs\":30000,\"maxPipes\":3,\"jsRendering\":true}}");
        try (TestServer small = new TestServer(Map.of("SLUICE_PLANS_FILE", plans.toString()))) {
            String dora = small.token("dora@example.org");
            String first = null;
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = small.send("POST", "/api/pipes", dora, body("Pipe " + i, EMPTY, true, "[]"));
                assertThat(r.statusCode()).isEqualTo(201);
                first = first == null ? JSON.readTree(r.body()).get("id").asText() : first;
            }
            HttpResponse<String> third = small.send("POST", "/api/pipes", dora, body("One too many", EMPTY, false, "[]"));
            assertThat(third.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(third.body()).get("error").asText()).startsWith("Your plan (free) allows 2 pipes");
            HttpResponse<String> fork = small.send("POST", "/api/pipes/" + first + "/fork", dora, null);
            assertThat(fork.statusCode()).isEqualTo(403);

            small.sluice.users().setPlan("dora@example.org", "pro");
            assertThat(small.send("POST", "/api/pipes/" + first + "/fork", dora, null).statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(small.send("POST", "/api/pipes", dora, body("Fourth", EMPTY, false, "[]")).body())
                    .get("error").asText()).startsWith("Your plan (pro) allows 3 pipes");

            assertThat(small.send("DELETE", "/api/pipes/" + first, dora, null).statusCode()).isEqualTo(204);
            assertThat(small.send("POST", "/api/pipes", dora, body("Room again", EMPTY, false, "[]")).statusCode()).isEqualTo(201);
        }
    }

    /** A pipe whose Output reads a Webhook block with a secret, in the editor's format. */
    static String webhookPipe(String hookId) {
        return pipe(output(hookId), block(hookId, WebhookBlocks.TYPE, "[\"events\",\"" + SECRET + "\"]", "[]", "[]"));
    }

    /**
     * Stores a pipe as it is, without validation: for pipes using blocks this build does not know
     * yet (the Webhook block), which is what stored pipes look like when the catalogue changes.
     */
    static StoredPipe storeUnvalidated(String json, boolean isPublic) {
        long owner = userId("alice@example.org");
        return server.sluice.pipeRepository().create(owner, new PipeRepository.Draft("Hooked", "", json, isPublic, List.of()));
    }

    static long userId(String email) {
        return server.sluice.users().findByEmail(email).orElseThrow().id();
    }
}
