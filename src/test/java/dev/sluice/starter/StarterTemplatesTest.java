package dev.sluice.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.hook.HookFixtures;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every starter template, as the editor gets it from {@code /api/templates/<id>}, with its options
 * filled in as a newcomer would (pointing at feeds, pages and APIs served on loopback), runs
 * through {@code /api/run} without errors and gives the items its description promises.
 */
class StarterTemplatesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> bridgeQueries = new CopyOnWriteArrayList<>();
    static MockWebServer upstream;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Fixtures());
        upstream.start(InetAddress.getByName("127.0.0.1"), 0);
        server = new TestServer(Map.of("SLUICE_RSSBRIDGE_URL", url("/bridge/")));
        token = server.token("newcomer@example.org");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        upstream.close();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + upstream.getPort() + path;
    }

    /** Template id, the options filled in ("block:option" → value), run parameters, what the items must show. */
    static Stream<Arguments> templates() {
        return Stream.of(
                row("filter-keywords", Map.of("feed:0", url("/news.xml")), Map.of(),
                        items -> assertThat(titles(items)).containsExactly("[Sponsored] Rust 2.0 released", "Java 25 and you")),
                row("merge-feeds", Map.of("feed1:0", url("/a.xml"), "feed2:0", url("/b.xml"), "feed3:0", url("/c.xml")), Map.of(),
                        items -> assertThat(titles(items)).containsExactly("A one", "B one", "C one", "Shared story")),
                row("youtube-no-shorts", Map.of("channel:0", url("/yt.xml")), Map.of(),
                        items -> assertThat(titles(items)).containsExactlyInAnyOrder("Building a boat, part 1", "Building a boat, part 2")),
                row("subreddit-digest", Map.of("reddit:0", "selfhosted"), Map.of(), items -> {
                    assertThat(items).hasSize(25);
                    assertThat(titles(items).get(0)).isEqualTo("Post 1");
                    assertThat(bridgeQueries).anyMatch(q -> q.contains("bridge=Reddit") && q.contains("r=selfhosted"));
                }),
                row("page-to-feed", Map.of("page:0", url("/page.html"), "titles:0", "article h2 a", "summaries:0", "article p",
                        "links:0", "article h2 a"), Map.of(), items -> {
                    assertThat(titles(items)).containsExactly("New ferry timetable", "Harbour fest on Saturday", "Lighthouse open again");
                    assertThat(items.get(0).path("link").asText()).isEqualTo(url("/news/ferry"));
                    assertThat(items.get(1).path("description").asText() + items.get(1).path("content").asText())
                            .contains("Music, food and boats");
                }),
                row("json-api-feed", Map.of("api:0", url("/items.json")), Map.of(), items -> {
                    assertThat(titles(items)).containsExactly("Tide tables for June", "Storm warning lifted");
                    assertThat(items.get(1).path("link").asText()).isEqualTo("https://api.example.org/storm/42");
                }),
                row("delay-items", Map.of("feed:0", url("/news.xml")), Map.of(),
                        items -> assertThat(titles(items)).doesNotContain("[Sponsored] Rust 2.0 released").hasSize(3)),
                row("search-feed", Map.of("url:0", url(""), "url:1", "/search"), Map.of("q", "rust boats"),
                        items -> assertThat(titles(items)).containsExactly("Results for rust boats")),
                row("last-days", Map.of("feed:0", url("/news.xml")), Map.of(),
                        items -> assertThat(titles(items)).doesNotContain("[Podcast] Rustaceans talk").hasSize(3)),
                row("clean-titles", Map.of("feed:0", url("/news.xml")), Map.of(),
                        items -> assertThat(titles(items)).containsExactly("Rust 2.0 released", "Java 25 and you",
                                "Gardening in winter", "Rustaceans talk")),
                row("full-text", Map.of("feed:0", url("/teasers.xml")), Map.of(), items -> {
                    assertThat(titles(items)).containsExactly("Pier vote", "Autumn birds");
                    assertThat(items.get(0).path("content").asText()).contains("rebuild the old ferry pier")
                            .doesNotContain("Accept all cookies");
                    assertThat(items.get(1).path("content").asText()).contains("dark-bellied brent geese");
                }));
    }

    static Arguments row(String id, Map<String, String> options, Map<String, String> params, Consumer<List<JsonNode>> expect) {
        return Arguments.of(id, options, params, expect);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void runsWithItsOptionsFilledIn(String id, Map<String, String> options, Map<String, String> params,
                                    Consumer<List<JsonNode>> expect) throws Exception {
        JsonNode template = JSON.readTree(server.get("/api/templates/" + id).body());
        assertThat(template.path("title").asText()).isNotBlank();
        ObjectNode pipe = (ObjectNode) template.get("pipe");
        Set<String> declared = new java.util.HashSet<>();
        template.path("params").forEach(p -> declared.add(p.path("block").asText() + ":" + p.path("option").asInt()));
        options.forEach((where, value) -> fill(pipe, where, value));
        assertThat(declared).as("the options a newcomer must fill in are the ones the template names")
                .containsAll(options.keySet().stream().filter(k -> !k.equals("links:0")).toList());

        ObjectNode body = JSON.createObjectNode();
        body.set("pipe", pipe);
        params.forEach(body.putObject("params")::put);
        var answer = server.send("POST", "/api/run", token, body.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.path("errors")).as(answer.body()).isEmpty();
        List<JsonNode> items = new ArrayList<>();
        result.path("items").forEach(items::add);
        expect.accept(items);
    }

    @Test
    void theWebhookTemplateTurnsPostsIntoItemsOnceSaved() throws Exception {
        JsonNode template = JSON.readTree(server.get("/api/templates/webhook-feed").body());
        // Saved from the editor, a template's Webhook block gets a fresh hook id, as a fork does.
        String hookId = HookFixtures.newHookId();
        String pipe = template.get("pipe").toString().replace("\"hook\"", "\"" + hookId + "\"");
        var saved = server.send("POST", "/api/pipes", token,
                "{\"title\":\"Deploys\",\"pipe\":" + pipe + "}");
        assertThat(saved.statusCode()).as(saved.body()).isIn(200, 201);
        String feedUrl = JSON.readTree(saved.body()).path("feedUrl").asText();
        assertThat(HookFixtures.post(server, hookId, "{\"title\":\"Deployed v1\"}", "Content-Type", "application/json")
                .statusCode()).isEqualTo(202);
        String feed = server.get(feedUrl.substring(feedUrl.indexOf("/feed/"))).body();
        assertThat(feed).contains("<title>Deployed v1</title>");
    }

    @Test
    void thereAreAtLeastTenAndTheyAreListed() throws Exception {
        JsonNode list = JSON.readTree(server.get("/api/templates").body());
        assertThat(list.size()).isGreaterThanOrEqualTo(10);
        String page = server.get("/templates").body();
        for (JsonNode t : list) {
            assertThat(t.has("pipe")).as("the list leaves the pipes out").isFalse();
            assertThat(t.path("params").size()).as(t.path("id").asText() + " names what to fill in").isPositive();
            assertThat(page).contains("/editor?template=" + t.path("id").asText());
        }
        assertThat(server.get("/api/templates/no-such-template").statusCode()).isEqualTo(404);
        assertThat(server.get("/").body()).contains("href=\"/templates\"");
    }

    private static void fill(ObjectNode pipe, String where, String value) {
        String block = where.substring(0, where.indexOf(':'));
        int option = Integer.parseInt(where.substring(where.indexOf(':') + 1));
        for (JsonNode b : pipe.path("blocks")) {
            if (b.path("id").asText().equals(block)) {
                ((ArrayNode) b.get("userinputs")).set(option, JSON.getNodeFactory().textNode(value));
                return;
            }
        }
        throw new IllegalArgumentException("no block " + block);
    }

    private static List<String> titles(List<JsonNode> items) {
        return items.stream().map(i -> i.path("title").asText()).toList();
    }

    /** The loopback upstream: fixture files, feeds dated relative to now, a search feed and an RSS-Bridge stand-in. */
    static final class Fixtures extends Dispatcher {
        private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String target = request.getPath();
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            return switch (path) {
                case "/news.xml" -> rss("Harbour blog", item("[Sponsored] Rust 2.0 released", "rust", 2),
                        item("Java 25 and you", "java", 30), item("Gardening in winter", "garden", 72),
                        item("[Podcast] Rustaceans talk", "podcast", 480));
                case "/a.xml" -> rss("A", item("A one", "a1", 1), item("Shared story", "shared", 5));
                case "/b.xml" -> rss("B", item("B one", "b1", 2), item("Shared story", "shared", 5));
                case "/c.xml" -> rss("C", item("C one", "c1", 3));
                case "/search" -> rss("Search", item("Results for " + URLDecoder.decode(
                        target.substring(target.indexOf("q=") + 2), StandardCharsets.UTF_8), "search", 1));
                case "/bridge/" -> {
                    bridgeQueries.add(target);
                    String[] posts = new String[30];
                    for (int i = 0; i < posts.length; i++) {
                        posts[i] = item("Post " + (i + 1), "post" + (i + 1), i + 1);
                    }
                    yield rss("r/selfhosted", posts);
                }
                case "/page.html" -> file("page.html", "text/html; charset=utf-8");
                case "/items.json" -> file("items.json", "application/json");
                case "/yt.xml" -> file("yt.xml", "application/atom+xml");
                case "/teasers.xml" -> rss("Harbour news", teaser("Pier vote", "/story/news"), teaser("Autumn birds", "/story/wordpress"));
                case "/story/news", "/story/wordpress" -> article(path.substring("/story/".length()) + ".html");
                default -> new MockResponse().setResponseCode(404).setBody("not here");
            };
        }

        private static String item(String title, String slug, int hoursAgo) {
            return "<item><title>" + title.replace("&", "&amp;") + "</title><link>https://harbour.example.org/" + slug
                    + "</link><guid>https://harbour.example.org/" + slug + "</guid><pubDate>"
                    + RFC_822.format(Instant.now().minusSeconds(hoursAgo * 3600L)) + "</pubDate><description>About "
                    + slug + "</description></item>";
        }

        /** An item whose description is a teaser and whose link is an article page on this upstream. */
        private static String teaser(String title, String path) {
            return "<item><title>" + title + "</title><link>" + url(path) + "</link><guid>" + url(path)
                    + "</guid><description>Read the whole story on our site.</description></item>";
        }

        /** An article page written like a real one (the Full text block's fixtures). */
        private static MockResponse article(String name) {
            try (InputStream in = StarterTemplatesTest.class.getResourceAsStream("/fulltext/" + name)) {
                return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
                        .setBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static MockResponse rss(String title, String... items) {
            return new MockResponse().setHeader("Content-Type", "application/rss+xml")
                    .setBody("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title
                            + "</title><link>https://harbour.example.org/</link><description>d</description>"
                            + String.join("", items) + "</channel></rss>");
        }

        private static MockResponse file(String name, String type) {
            try (InputStream in = StarterTemplatesTest.class.getResourceAsStream("/starters/" + name)) {
                return new MockResponse().setHeader("Content-Type", type)
                        .setBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
