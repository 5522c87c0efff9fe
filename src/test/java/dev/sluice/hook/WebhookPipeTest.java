package dev.sluice.hook;

import static dev.sluice.hook.HookFixtures.newHookId;
import static dev.sluice.hook.HookFixtures.pipeWithWebhook;
import static dev.sluice.hook.HookFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events posted to a hook show up in the pipe's feed, and only to those who may read the pipe. */
class WebhookPipeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> titles(String path) throws Exception {
        var r = server.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        JSON.readTree(r.body()).get("items").forEach(i -> titles.add(i.get("title").asText()));
        return titles;
    }

    @Test
    void theFeedShowsPostedEventsNewestFirstAndNewOnesAtOnce() throws Exception {
        String id = newHookId();
        StoredPipe pipe = server.save("owner@example.org", "Deploys", pipeWithWebhook(id, ""), false);
        String feed = server.sluice.outputs().feedUrl(pipe, OutputFormat.JSON).replaceFirst("^https?://[^/]+", "");
        assertThat(titles(feed)).isEmpty();

        for (String title : List.of("first", "second", "third")) {
            assertThat(post(server, id, "{\"title\":\"" + title + "\"}", "Content-Type", "application/json").statusCode())
                    .isEqualTo(202);
            server.clock.advance(Duration.ofSeconds(1));
        }
        post(server, id, "<note>no JSON</note>", "Content-Type", "application/xml");
        assertThat(titles(feed)).containsExactly("Webhook event", "third", "second", "first");

        JsonNode first = JSON.readTree(server.get(feed).body()).get("items").get(3);
        // the feed HTML policy writes text with the escapes HTML needs (&amp; &lt; &gt;), quotes as they are
        assertThat(first.get("content_html").asText()).isEqualTo("<pre>{\n  \"title\" : \"first\"\n}</pre>");
        String guid = first.get("id").asText();

        post(server, id, "{\"title\":\"fourth\"}", "Content-Type", "application/json");
        List<String> after = titles(feed);
        assertThat(after).as("cached output dropped when an event arrives").startsWith("fourth").hasSize(5);
        assertThat(JSON.readTree(server.get(feed).body()).get("items").get(4).get("id").asText())
                .as("guid stable across runs").isEqualTo(guid);
    }

    @Test
    void anUnsavedPipeCannotReadAnotherUsersHook() throws Exception {
        String id = newHookId();
        server.save("alice@example.org", "Private hook", pipeWithWebhook(id, ""), false);
        post(server, id, "{\"title\":\"Alice's secret event\"}");

        // Mallory, logged in, runs an unsaved pipe naming Alice's private hook: she learns nothing.
        var r = server.send("POST", "/api/run", server.token("mallory@example.org"), "{\"pipe\":" + pipeWithWebhook(id, "") + "}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("items")).isEmpty();
        assertThat(body.get("errors").get(0).get("message").asText()).contains("not part of a saved pipe");
        assertThat(r.body()).doesNotContain("Alice's secret event");
    }

    @Test
    void anUnsavedWebhookBlockSaysToSaveThePipe() throws Exception {
        var r = server.send("POST", "/api/run", server.token("editor@example.org"), "{\"pipe\":" + pipeWithWebhook(newHookId(), "") + "}");
        JsonNode error = JSON.readTree(r.body()).get("errors").get(0);
        assertThat(error.get("message").asText()).contains("save the pipe");
    }
}
