package dev.sluice.block.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Full text through the whole server: a pipe run by the editor's {@code /api/run} and a saved
 * pipe's feed, on a feed whose items link to a stand-in news site on loopback — good articles
 * and every way an article can fail to come.
 */
class FulltextApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OWNER = "reader@example.org";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T opened(T c) {
        open.add(c);
        return c;
    }

    /** Feed → Full text → Output, as the editor saves it. */
    static String pipe(String feedUrl, String placement, String rules) {
        return """
                {"blocks":[
                 {"id":"output","type":"OutputBlock","x":700,"y":80,"name":"Output","userinputs":[""],"inputs":[{"from":"full","from_output_slot":0}],"textinputs":[]},
                 {"id":"full","type":"FulltextBlock","x":380,"y":80,"name":"Full text","userinputs":[%s,%s,""],"inputs":[{"from":"feed","from_output_slot":0}],"textinputs":[]},
                 {"id":"feed","type":"FeedBlock","x":40,"y":80,"name":"Feed","userinputs":[%s],"inputs":[],"textinputs":[{}]}]}"""
                .formatted(quote(placement), quote(rules), quote(feedUrl));
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode run(TestServer server, String pipe) throws Exception {
        var answer = server.send("POST", "/api/run", server.token(OWNER), "{\"pipe\":" + pipe + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static List<String> messages(JsonNode run) {
        List<String> out = new ArrayList<>();
        run.get("errors").forEach(e -> out.add(e.get("kind").asText() + ": " + e.get("message").asText()));
        return out;
    }

    @Test
    void itemsOfTheFeedCarryTheirArticlesInTheEditorAndInTheSavedPipesFeed() throws Exception {
        ArticleServer site = opened(new ArticleServer());
        site.feed(List.of(List.of("Ferry pier", site.url("/article/news"), "Teaser: the pier"),
                List.of("Estuary birds", site.url("/article/wordpress"), "Teaser: birds"),
                List.of("Lighthouse", site.url("127.0.0.2", "/article/site-rule"), "Teaser: lighthouse")));
        TestServer server = opened(TestServer.standard());
        // the Gazette's stand-in lives on 127.0.0.2: the rule is for that host only
        String pipe = pipe(site.url("/feed.xml"), "", "127.0.0.2: .headline-box, .story-text");

        JsonNode r = run(server, pipe);

        assertThat(messages(r)).isEmpty();
        JsonNode items = r.get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("content").asText()).contains("rebuild the old ferry pier", "Work is expected to start in October")
                .doesNotContain("Accept all cookies", "Posted by reader", "<script");
        assertThat(items.get(0).get("description").asText()).isEqualTo("Teaser: the pier");
        assertThat(items.get(1).get("content").asText()).contains("dark-bellied brent geese").doesNotContain("Leave a Reply");
        assertThat(items.get(2).get("content").asText()).as("by the site rule")
                .contains("Entry is free for children under twelve.").doesNotContain("Readers' letters");
        JsonNode trace = null;
        for (JsonNode t : r.get("trace")) {
            trace = t.get("blockId").asText().equals("full") ? t : trace;
        }
        assertThat(trace.get("itemsIn").asInt()).isEqualTo(3);
        assertThat(trace.get("itemsOut").asInt()).isEqualTo(3);

        StoredPipe saved = server.save(OWNER, "Local news in full", pipe, true);
        var feed = server.get("/feed/" + saved.id() + ".rss");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("X-Sluice-Errors")).isEmpty();
        assertThat(feed.body()).contains("<content:encoded>").contains("rebuild the old ferry pier")
                .contains("Entry is free for children under twelve.").doesNotContain("onclick");
        assertThat(site.articleHits()).as("the saved pipe's run took the articles from the cache").isEqualTo(3);
    }

    @Test
    void articlesThatCannotBeHadLeaveTheirItemsAsTheyWereAndSayWhy() throws Exception {
        ArticleServer site = opened(new ArticleServer());
        String[] paths = {"/huge", "/report.pdf", "/data.json", "/missing", "/broken"};
        List<List<String>> entries = new ArrayList<>();
        entries.add(List.of("Good", site.url("/article/blog"), "Teaser good"));
        for (String p : paths) {
            entries.add(List.of("Bad " + p, site.url(p), "Teaser " + p));
        }
        entries.add(List.of("No link", "", "Teaser none"));
        site.feed(entries);
        TestServer server = opened(TestServer.standard());

        JsonNode r = run(server, pipe(site.url("/feed.xml"), "replace", ""));

        JsonNode items = r.get("items");
        assertThat(items).hasSize(7);
        assertThat(items.get(0).get("content").asText()).contains("stiff starter");
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("content").asText()).as(items.get(i).get("title").asText()).isEmpty();
            assertThat(items.get(i).get("description").asText()).startsWith("Teaser");
        }
        String prefix = "warning: No full text, the item keeps its own: ";
        assertThat(messages(r)).containsExactlyInAnyOrder(
                prefix + site.url("/huge") + ": the body is larger than 10 MiB",
                prefix + site.url("/report.pdf") + ": not a web page (application/pdf)",
                prefix + site.url("/data.json") + ": not a web page (application/json)",
                prefix + site.url("/missing") + ": HTTP 404 Client Error",
                prefix + site.url("/broken") + ": HTTP 500 Server Error",
                "warning: 1 item has no web link; kept as they are");
    }

    @Test
    void aSlowSiteIsLeftBehindAtTheRunLimitAndTheRunStillAnswers() throws Exception {
        ArticleServer site = opened(new ArticleServer());
        TestServer server = opened(new TestServer(Map.of("SLUICE_RUN_LIMIT_MS", "4000")));
        // a first run, so that this one does not spend its time loading the parser's and Readability's classes
        site.feed(List.of(List.of("Warm-up", site.url("/article/medium"), "Teaser")));
        run(server, pipe(site.url("/feed.xml?warm-up"), "", ""));
        site.feed(List.of(List.of("Quick", site.url("/article/docs"), "Teaser quick"),
                List.of("Slow", site.url("/slow"), "Teaser slow")));

        JsonNode r = run(server, pipe(site.url("/feed.xml"), "", ""));

        assertThat(r.get("items")).as(r.toString()).hasSize(2);
        assertThat(r.get("items").get(0).get("content").asText()).contains("The client retries a request automatically");
        assertThat(r.get("items").get(1).get("content").asText()).isEmpty();
        assertThat(r.get("items").get(1).get("description").asText()).isEqualTo("Teaser slow");
        assertThat(messages(r)).singleElement().asString().startsWith("warning: ").contains(site.url("/slow"));
        assertThat(r.get("tookMs").asLong()).as("within the limit, with a wide margin").isLessThan(6000);
    }

    @Test
    void aSecondRunAsksTheSiteForNothing() throws Exception {
        ArticleServer site = opened(new ArticleServer());
        site.feed(List.of(List.of("Docs", site.url("/article/docs"), "T1"), List.of("Forum", site.url("/article/forum"), "T2")));
        TestServer server = opened(TestServer.standard());
        String pipe = pipe(site.url("/feed.xml"), "after", "");

        JsonNode first = run(server, pipe);
        JsonNode second = run(server, pipe);

        assertThat(site.articleHits()).isEqualTo(2);
        assertThat(second.get("items")).isEqualTo(first.get("items"));
        assertThat(second.get("items").get(1).get("content").asText()).startsWith("T2").contains("I bought a plywood sailing dinghy");
    }

    @Test
    void thePaletteOffersItUnderManipulateWithItsHelpAndOptions() throws Exception {
        TestServer server = opened(TestServer.standard());
        JsonNode full = null;
        for (JsonNode b : JSON.readTree(server.get("/api/blocks").body())) {
            full = b.path("type").asText().equals("FulltextBlock") ? b : full;
        }
        assertThat(full).isNotNull();
        assertThat(full.path("label").asText()).isEqualTo("Full text");
        assertThat(full.path("category").asText()).isEqualTo("Manipulate");
        assertThat(full.path("palette").asBoolean()).isTrue();
        assertThat(full.path("help").asText()).contains("Readability", "example.org: article .post-body", "an hour");
        assertThat(full.path("options").findValuesAsText("label"))
                .containsExactly("Put the full text", "Site rules (host: CSS selector; …)", "Most articles fetched per run");
        assertThat(full.path("options").get(0).path("choices").toString()).contains("replace", "before", "after");
        assertThat(full.path("options").get(2).path("default").asText()).isEqualTo("20");
    }

    @Test
    void aBrokenSiteRuleIsAClearError() throws Exception {
        ArticleServer site = opened(new ArticleServer());
        site.feed(List.of(List.of("Docs", site.url("/article/docs"), "T1")));
        TestServer server = opened(TestServer.standard());

        JsonNode r = run(server, pipe(site.url("/feed.xml"), "", "example.org article"));

        assertThat(messages(r)).containsExactly("failed: Site rule \"example.org article\" has no colon; write it as"
                + " host: selector, e.g. example.org: article .post-body");
        assertThat(site.articleHits()).isZero();
    }
}
