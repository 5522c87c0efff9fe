package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unique and URL Cleanup end to end: two feeds on loopback carry the same stories under different
 * tracking links and retouched titles; the pipe Combine → URL Cleanup → Unique runs through
 * {@code /api/run} and as a saved pipe's feed.
 */
class DeduplicationApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LONG_TITLE = "Breaking: " + "harbour news ".repeat(8_000).strip();

    /** A news wire: short items, earlier. */
    static final String WIRE = rss("Wire", """
            <item><title>Harbour reopens after storm</title>
              <link>https://news.example/harbour?utm_source=wire&amp;utm_medium=rss&amp;utm_campaign=daily</link>
              <guid isPermaLink="false">wire-1</guid><pubDate>Mon, 01 Jul 2024 10:00:00 GMT</pubDate>
              <description>Open again.</description></item>
            <item><title>Ferry fares rise</title><link>https://news.example/fares?utm_source=wire</link>
              <guid isPermaLink="false">wire-2</guid><pubDate>Mon, 01 Jul 2024 12:00:00 GMT</pubDate>
              <description>Fares up.</description></item>
            <item><title>Wire item without a link</title><guid isPermaLink="false">wire-3</guid>
              <description>No link at all.</description></item>
            """);

    /** A blog retelling the same stories at length, with its own tracking and spelling. */
    static final String BLOG = rss("Blog", """
            <item><title>Harbour Reopens After Storm!</title>
              <link>http://NEWS.example/harbour/?fbclid=IwAR0abc&amp;ref=blog#comments</link>
              <guid isPermaLink="false">blog-1</guid><pubDate>Tue, 02 Jul 2024 08:00:00 GMT</pubDate>
              <description>&lt;p&gt;The harbour reopened on Tuesday after three days of storm repairs.&lt;/p&gt;</description></item>
            <item><title>Ferry fares rise.</title><link>https://news.example/fares?mc_cid=abc&amp;mc_eid=def</link>
              <guid isPermaLink="false">blog-2</guid><pubDate>Mon, 01 Jul 2024 09:00:00 GMT</pubDate>
              <description>Fares rise by ten percent from August, the operator said on Monday.</description></item>
            <item><title>LONG</title><link>https://news.example/long?si=share</link>
              <guid isPermaLink="false">blog-3</guid><description>A long title.</description></item>
            <item><title>Blog item without a link</title><link></link><guid isPermaLink="false">blog-4</guid></item>
            """.replace("LONG", LONG_TITLE));

    static MockWebServer upstream;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getPath()) {
                    case "/wire.xml" -> new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(WIRE);
                    case "/blog.xml" -> new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(BLOG);
                    default -> new MockResponse().setResponseCode(404);
                };
            }
        });
        upstream.start(InetAddress.getByName("127.0.0.1"), 0);
        server = TestServer.standard();
        token = server.token("editor@example.org");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        upstream.close();
    }

    static String rss(String title, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><link>https://news.example/</link><description>" + title + "</description>" + items
                + "</channel></rss>";
    }

    /** Wire + Blog → Combine → [URL Cleanup] → Unique(uniqueOptions) → Output. */
    static String pipe(boolean cleanup, List<Object> cleanupOptions, Object... uniqueOptions) {
        ArrayNode blocks = JSON.createArrayNode();
        block(blocks, "output", "OutputBlock", List.of(""), "unique");
        block(blocks, "wire", "FeedBlock", List.of(upstream.url("/wire.xml").toString()));
        block(blocks, "blog", "FeedBlock", List.of(upstream.url("/blog.xml").toString()));
        block(blocks, "combine", "CombineBlock", List.of(""), "wire", "blog");
        if (cleanup) {
            block(blocks, "cleanup", "UrlCleanupBlock", cleanupOptions, "combine");
        }
        block(blocks, "unique", "UniqueBlock", List.of(uniqueOptions), cleanup ? "cleanup" : "combine");
        return JSON.createObjectNode().set("blocks", blocks).toString();
    }

    static void block(ArrayNode blocks, String id, String type, List<Object> userinputs, String... from) {
        ObjectNode b = blocks.addObject().put("id", id).put("type", type);
        ArrayNode ui = b.putArray("userinputs");
        userinputs.forEach(v -> ui.add(JSON.valueToTree(v)));
        ArrayNode in = b.putArray("inputs");
        for (String f : from) {
            in.addObject().put("from", f).put("from_output_slot", 0);
        }
        b.putArray("textinputs");
    }

    static JsonNode run(String pipe, String block) throws IOException {
        HttpResponse<String> r = server.send("POST", "/api/run", token,
                "{\"pipe\":" + pipe + ",\"block\":" + JSON.valueToTree(block) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("errors")).as("errors").isEmpty();
        return answer;
    }

    static List<String> field(JsonNode answer, String name) {
        List<String> out = new ArrayList<>();
        answer.get("items").forEach(i -> out.add(i.path(name).asText()));
        return out;
    }

    @ParameterizedTest(name = "by {0}, keep {1}")
    @CsvSource(delimiter = '|', textBlock = """
            link  | first   | wire-1 wire-2 wire-3 blog-3 blog-4
            link  | newest  | wire-2 wire-3 blog-1 blog-3 blog-4
            link  | longest | wire-3 blog-1 blog-2 blog-3 blog-4
            title | first   | wire-1 wire-2 wire-3 blog-3 blog-4
            title | newest  | wire-2 wire-3 blog-1 blog-3 blog-4
            title | longest | wire-3 blog-1 blog-2 blog-3 blog-4
            guid  | first   | wire-1 wire-2 wire-3 blog-1 blog-2 blog-3 blog-4
            """)
    void oneOfEachStoryIsLeftAndTheRightOne(String compare, String keep, String expected) throws IOException {
        JsonNode answer = run(pipe(false, List.of(), compare, keep), "");
        assertThat(field(answer, "guid")).containsExactly(expected.split(" "));
    }

    @Test
    void theTraceNamesWhatMatchedForEveryDroppedItem() throws IOException {
        JsonNode answer = run(pipe(false, List.of(), "link", "newest"), "unique");
        JsonNode trace = null;
        for (JsonNode t : answer.get("trace")) {
            if (t.get("blockId").asText().equals("unique")) {
                trace = t;
            }
        }
        assertThat(trace).isNotNull();
        assertThat(trace.get("itemsIn").asInt()).isEqualTo(7);
        List<String> rules = new ArrayList<>();
        trace.get("drops").forEach(d -> rules.add(d.get("title").asText() + " | " + d.get("rule").asText()));
        assertThat(rules).containsExactly(
                "Harbour reopens after storm | duplicate link: kept \"Harbour Reopens After Storm!\", which is newer",
                "Ferry fares rise. | duplicate link: kept \"Ferry fares rise\", which is newer");
    }

    @Test
    void pipesCeUniqueWithoutOptionsStillComparesGuids() throws IOException {
        JsonNode answer = run(pipe(false, List.of()), "");
        assertThat(field(answer, "guid")).hasSize(7);
    }

    @Test
    void urlCleanupLeavesCleanLinksAndKeepsGuidsUnlessAsked() throws IOException {
        JsonNode answer = run(pipe(true, List.of(false, false, ""), "guid"), "");
        assertThat(field(answer, "link")).containsExactly("https://news.example/harbour", "https://news.example/fares", "",
                "http://NEWS.example/harbour/#comments", "https://news.example/fares", "https://news.example/long", "");
        assertThat(field(answer, "guid")).containsExactly("wire-1", "wire-2", "wire-3", "blog-1", "blog-2", "blog-3", "blog-4");
        assertThat(field(answer, "title")).contains(LONG_TITLE);
    }

    @Test
    void aSavedPipesFeedHasCleanLinksAndNoDuplicates() throws IOException {
        StoredPipe saved = server.save("editor@example.org", "Harbour digest",
                pipe(true, List.of(true, false, "sessionid"), "link", "longest"), true);
        HttpResponse<String> r = server.get("/feed/" + saved.id() + ".json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode feed = JSON.readTree(r.body());
        List<String> titles = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        feed.get("items").forEach(i -> {
            titles.add(i.path("title").asText());
            urls.add(i.path("url").asText());
        });
        assertThat(titles).containsExactly("Wire item without a link", "Harbour Reopens After Storm!", "Ferry fares rise.",
                LONG_TITLE, "Blog item without a link");
        assertThat(urls).containsExactly("", "http://NEWS.example/harbour/#comments", "https://news.example/fares",
                "https://news.example/long", "");
    }
}
