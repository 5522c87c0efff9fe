package dev.sluice.block.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Create blocks through the whole stack: Pipes CE pipe JSON posted to /api/run, a feed
 * fixture served on loopback, the items a user would see.
 */
class CreateGoldenTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    static TestServer server;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.standard();
        upstream.serve("blog.xml", Fixtures.bytes("blog.xml"));
        upstream.serve("notice.xml", Fixtures.bytes("notice.xml"));
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    /** A pipe: Feed(blog.xml) → {@code type}(userinputs) → Output. */
    static JsonNode runOnBlog(String type, Object... userinputs) throws Exception {
        ObjectNode pipe = JSON.createObjectNode();
        ArrayNode blocks = pipe.putArray("blocks");
        blocks.add(block("output", "OutputBlock", List.of(), "b"));
        blocks.add(block("b", type, List.of(userinputs), "f"));
        blocks.add(block("f", "FeedBlock", List.of(upstream.fastUrl(3, "blog.xml"))));
        return run(pipe);
    }

    static ObjectNode block(String id, String type, List<Object> userinputs, String... from) {
        ObjectNode b = JSON.createObjectNode().put("id", id).put("type", type).put("name", type);
        b.set("userinputs", JSON.valueToTree(userinputs));
        ArrayNode inputs = b.putArray("inputs");
        for (String f : from) {
            inputs.addObject().put("from", f).put("from_output_slot", 0);
        }
        b.putArray("textinputs");
        return b;
    }

    static JsonNode run(ObjectNode pipe) throws Exception {
        String token = server.token("create@example.org");
        ObjectNode body = JSON.createObjectNode();
        body.set("pipe", pipe);
        return JSON.readTree(server.send("POST", "/api/run", token, JSON.writeValueAsString(body)).body());
    }

    static List<String> field(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.get("items").forEach(i -> values.add(i.path(name).asText()));
        return values;
    }

    @Test
    void extractFindsAbsoluteLinksInItemContents() throws Exception {
        JsonNode r = runOnBlog("ExtractBlock", "p a", "href", true);
        assertThat(r.get("errors")).isEmpty();
        // The feed parser already resolved the contents' relative links against the feed's URL.
        String base = upstream.fastUrl(3, "");
        assertThat(field(r, "content")).containsExactly(
                base + "news/ferry-schedule", "https://other.example.org/map", base + "quay");
        assertThat(field(r, "link")).isEqualTo(field(r, "content"));
        assertThat(field(r, "title")).containsOnly("Extracted Content");
        assertThat(field(r, "guid")).doesNotHaveDuplicates().allMatch(g -> g.startsWith("sluice:"));
        // The same run again gives the same guids: readers do not see new items.
        assertThat(field(runOnBlog("ExtractBlock", "p a", "href", true), "guid")).isEqualTo(field(r, "guid"));
    }

    @Test
    void extractTakesXPathAndConcat() throws Exception {
        assertThat(field(runOnBlog("ExtractBlock", "//div[@class='box']", "", false), "content"))
                .containsExactly("old box", "second box");
        assertThat(field(runOnBlog("ExtractBlock", "concat('boxes: ', count(//div))", "", true), "content"))
                .as("one value per item; identical values make one item")
                .containsExactly("boxes: 1", "boxes: 0");
    }

    @Test
    void extractWithNoMatchIsEmptyAndABadSelectorIsNamed() throws Exception {
        JsonNode none = runOnBlog("ExtractBlock", "h1.nothing", "", true);
        assertThat(none.get("errors")).isEmpty();
        assertThat(none.get("items")).isEmpty();

        JsonNode bad = runOnBlog("ExtractBlock", "//p[", "", true);
        assertThat(bad.get("items")).isEmpty();
        assertThat(bad.get("errors").get(0).get("block").asText()).isEqualTo("b");
        assertThat(bad.get("errors").get(0).get("message").asText()).contains("Invalid XPath \"//p[\"");
    }

    @Test
    void imagesAreAbsoluteAndIdenticalImagesAreOneItem() throws Exception {
        JsonNode r = runOnBlog("ImagesBlock");
        assertThat(r.get("errors")).isEmpty();
        String base = upstream.fastUrl(3, "");
        assertThat(field(r, "link")).containsExactly(base + "img/ferry.jpg", base + "img/quay.png");
        assertThat(field(r, "title")).containsExactly("The ferry", "quay.png");
        assertThat(field(r, "guid")).doesNotHaveDuplicates();
    }

    @Test
    void tablesBecomeJsonRows() throws Exception {
        JsonNode r = runOnBlog("TabletojsonBlock");
        assertThat(r.get("errors")).isEmpty();
        assertThat(field(r, "content")).containsExactly("{\"Quay\":[\"06:00\"]}");
        assertThat(field(r, "title")).containsExactly("Table 1");
    }

    @Test
    void insertPutsTheFirstNoticeIntoEveryPost() throws Exception {
        ObjectNode pipe = JSON.createObjectNode();
        ArrayNode blocks = pipe.putArray("blocks");
        blocks.add(block("output", "OutputBlock", List.of(), "i"));
        blocks.add(block("i", "InsertBlock", List.of("div.box", true), "n", "f"));
        blocks.add(block("n", "FeedBlock", List.of(upstream.fastUrl(4, "notice.xml"))));
        blocks.add(block("f", "FeedBlock", List.of(upstream.fastUrl(3, "blog.xml"))));
        JsonNode r = run(pipe);
        assertThat(r.get("errors")).isEmpty();
        // <guid>post-1</guid> claims to be a permalink (the default) but is no URL: kept as written
        assertThat(field(r, "guid")).containsExactly("post-1", "post-2", "insert-me");
        assertThat(field(r, "content").get(0)).contains("<div class=\"box\"><em>Service notice</em></div>")
                .doesNotContain("old box");
        assertThat(field(r, "description").get(1)).contains("<div class=\"box\"><em>Service notice</em></div>")
                .doesNotContain("Older notice");
        assertThat(field(r, "content").get(2)).isEqualTo("<em>Service notice</em>");
    }
}
