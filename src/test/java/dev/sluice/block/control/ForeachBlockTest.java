package dev.sluice.block.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.block.TestFeeds;
import dev.sluice.feed.Item;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ForEach block through the whole stack, against stand-in upstreams on four loopback hosts. */
class ForeachBlockTest {
    static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private MockWebServer upstream(PolitenessLog log) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(log);
        server.start(InetAddress.getByName("0.0.0.0"), 0);
        open.add(server::shutdown);
        return server;
    }

    private TestServer sluice(Map<String, String> env) {
        TestServer server = new TestServer(env);
        open.add(server);
        return server;
    }

    /** RSS with one {@code <item>} per entry of {@code items}, each already XML. */
    static String rss(String title, List<String> items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title + "</title>"
                + "<link>http://127.0.0.1/</link><description>d</description>" + String.join("", items)
                + "</channel></rss>";
    }

    static String item(String guid, String link, String content) {
        return "<item><title>" + guid + "</title><guid isPermaLink=\"false\">" + guid + "</guid><link>" + link
                + "</link><description>" + content + "</description></item>";
    }

    static MockResponse ok(String body, String type) {
        return new MockResponse().setHeader("Content-Type", type).setBody(body);
    }

    /** An upstream serving /index.xml (from {@code index}) and /feed/N.xml: a feed with items fN-a, fN-b. */
    static Function<String, MockResponse> feeds(String index) {
        return path -> {
            if (path.startsWith("/index")) {
                return ok(index, "application/rss+xml");
            }
            if (path.startsWith("/feed/")) {
                String n = path.replaceAll("\\D", "");
                return ok(rss("Feed " + n, List.of(item("f" + n + "-a", "http://127.0.0.1/a", "A"),
                        item("f" + n + "-b", "http://127.0.0.1/b", "B"))), "application/rss+xml");
            }
            if (path.startsWith("/page/")) {
                return ok("<html><body>page " + path.replaceAll("\\D", "") + "</body></html>", "text/html; charset=utf-8");
            }
            return new MockResponse().setResponseCode(404).setBody("no such page");
        };
    }

    private static JsonNode run(TestServer server, String indexUrl, String mode) throws Exception {
        String pipe = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"each\",\"from_output_slot\":0}]},"
                + "{\"id\":\"each\",\"type\":\"ForeachBlock\",\"userinputs\":[" + JSON.writeValueAsString(mode) + "],"
                + "\"inputs\":[{\"from\":\"index\",\"from_output_slot\":0}]},"
                + "{\"id\":\"index\",\"type\":\"FeedBlock\",\"userinputs\":[" + JSON.writeValueAsString(indexUrl) + "]}]}";
        return JSON.readTree(server.send("POST", "/api/run", server.token("each@example.org"), "{\"pipe\":" + pipe + "}").body());
    }

    private static List<String> guids(JsonNode run) {
        List<String> out = new ArrayList<>();
        run.get("items").forEach(i -> out.add(i.get("guid").asText()));
        return out;
    }

    private static List<String> messages(JsonNode run) {
        List<String> out = new ArrayList<>();
        run.get("errors").forEach(e -> out.add(e.get("kind").asText() + ": " + e.get("message").asText()));
        return out;
    }

    @Test
    void twentyFeedsOnFourHostsAreFetchedConcurrentlyButNeverMoreThanTwoPerHost() throws Exception {
        String[] index = new String[1];
        PolitenessLog log = new PolitenessLog(300, path -> feeds(index[0]).apply(path));
        MockWebServer upstream = upstream(log);
        List<String> entries = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            String url = "http://127.0.0." + (n % 4 + 1) + ":" + upstream.getPort() + "/feed/" + n + ".xml";
            entries.add(item("i" + n, url, ""));
            expected.add("f" + n + "-a");
            expected.add("f" + n + "-b");
        }
        index[0] = rss("Index", entries);
        TestServer server = sluice(Map.of());

        JsonNode r = run(server, "http://127.0.0.1:" + upstream.getPort() + "/index.xml", "feed");

        assertThat(messages(r)).isEmpty();
        assertThat(guids(r)).as("all items of all feeds, in input order").containsExactlyElementsOf(expected);
        assertThat(log.requests()).isEqualTo(20);
        assertThat(log.maxInFlightPerHost()).hasSize(4).allSatisfy((host, n) -> assertThat(n).as(host).isLessThanOrEqualTo(2));
        assertThat(log.maxInFlightOverall()).as("fetches overlap across hosts").isGreaterThan(2);
        assertThat(r.get("tookMs").asLong()).as("well within the 10 s run limit").isLessThan(8000);
    }

    @Test
    void downloadModeGivesEachItemItsPageAndWarnsAboutFailures() throws Exception {
        String[] index = new String[1];
        PolitenessLog log = new PolitenessLog(0, path -> feeds(index[0]).apply(path));
        MockWebServer upstream = upstream(log);
        String base = "http://127.0.0.2:" + upstream.getPort();
        index[0] = rss("Index", List.of(
                item("p1", base + "/page/1", ""),
                item("p2", base + "/nowhere", ""),
                // the content names the URL, so it wins over the link
                item("p3", base + "/page/9", base + "/page/3"),
                item("p4", "", "not a URL")));
        TestServer server = sluice(Map.of());

        JsonNode r = run(server, base + "/index.xml", "download");

        assertThat(guids(r)).containsExactly("p1", "p3");
        assertThat(r.get("items").get(0).get("content").asText()).isEqualTo("<html><body>page 1</body></html>");
        assertThat(r.get("items").get(1).get("content").asText()).contains("page 3");
        // the downloaded URL becomes the link, as in Pipes CE
        assertThat(r.get("items").get(1).get("link").asText()).endsWith("/page/3");
        assertThat(messages(r)).anySatisfy(m -> assertThat(m).startsWith("warning: " + base + "/nowhere:").contains("404"))
                .anySatisfy(m -> assertThat(m).contains("Skipped \"p4\": it names no URL"));
    }

    @Test
    void atTheRunLimitItReturnsWhatItHasAndSaysWhatItMissed() throws Exception {
        String[] index = new String[1];
        PolitenessLog log = new PolitenessLog(500, path -> feeds(index[0]).apply(path));
        MockWebServer upstream = upstream(log);
        List<String> entries = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            entries.add(item("i" + n, "http://127.0.0.3:" + upstream.getPort() + "/feed/" + n + ".xml", ""));
        }
        index[0] = rss("Index", entries);
        TestServer server = sluice(Map.of("SLUICE_RUN_LIMIT_MS", "1500"));

        JsonNode r = run(server, "http://127.0.0.1:" + upstream.getPort() + "/index.xml", "feed");

        assertThat(guids(r)).hasSizeLessThan(16).startsWith("f1-a", "f1-b");
        assertThat(messages(r)).anySatisfy(m -> assertThat(m).matches("warning: Stopped at the run limit: \\d of 8 URLs were not fetched"));
        assertThat(r.get("tookMs").asLong()).isLessThan(3000);
    }

    @Test
    void twitterModeOfOldPipesLoadsAndSaysTheServiceIsGone() throws Exception {
        PolitenessLog log = new PolitenessLog(0, feeds(rss("Index", List.of())));
        MockWebServer upstream = upstream(log);
        JsonNode r = run(sluice(Map.of()), "http://127.0.0.1:" + upstream.getPort() + "/index.xml", "tweets");
        assertThat(messages(r)).containsExactly("failed: " + ForeachMode.TWITTER_GONE);
    }

    @ParameterizedTest(name = "[{index}] content \"{0}\", description \"{1}\", link \"{2}\" → \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "https://a.example/feed.xml   | https://c.example/ | https://b.example/ | https://a.example/feed.xml",
            "<p>see https://a.example</p> | https://c.example/ | https://b.example/ | https://c.example/",
            "<p>see https://a.example</p> | some text          | https://b.example/ | https://b.example/",
            "                             |                    | http://b.example/x | http://b.example/x",
            "a few words                  |                    | mailto:x@y.z       | ''",
            "ftp://a.example/f            |                    |                    | ''",
    })
    void theUrlIsTheContentWhenItIsOneElseTheDescriptionElseTheLink(String content, String description, String link,
                                                                     String expected) {
        Item item = TestFeeds.item("g", "t").toBuilder().content(content == null ? "" : content)
                .description(description == null ? "" : description).link(link == null ? "" : link).build();
        assertThat(ForeachBlock.urlOf(item)).isEqualTo(expected);
    }
}
