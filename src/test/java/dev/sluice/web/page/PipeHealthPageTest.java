package dev.sluice.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.AlertSettings;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pipe health on the pages: the dashboard's health of each pipe, the pipe page's run list (the
 * newest 50) and alert settings form — the owner's alone — and the same through the JSON API,
 * with bad input refused and nothing changed by anyone else.
 */
class PipeHealthPageTest {
    static final String OWNER = "hana@example.org";
    static final String OTHER = "ivo@example.org";
    static final Pattern RUN_ROW = Pattern.compile("<tr class=\"run-row\">");

    MockWebServer upstream;
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    TestServer server;
    Visitor owner;
    Visitor other;

    @BeforeEach
    void start() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = bodies.get(request.getRequestUrl().encodedPath());
                return body == null ? new MockResponse().setResponseCode(404)
                        : new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(body);
            }
        });
        upstream.start(InetAddress.getByName("127.0.0.1"), 0);
        server = Visitor.server();
        owner = Visitor.loggedIn(server, OWNER);
        other = Visitor.loggedIn(server, OTHER);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        upstream.shutdown();
    }

    String url(String path) {
        return "http://127.0.0.1:" + upstream.getPort() + path;
    }

    static String rss(String... titles) {
        StringBuilder s = new StringBuilder("<rss version=\"2.0\"><channel><title>c</title>");
        for (String t : titles) {
            s.append("<item><title>").append(t).append("</title><guid>").append(t).append("</guid></item>");
        }
        return s.append("</channel></rss>").toString();
    }

    void poll(StoredPipe... pipes) {
        server.clock.advance(Duration.ofMinutes(11));
        for (StoredPipe p : pipes) {
            assertThat(owner.get("/feed/" + p.id()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theDashboardShowsEachPipesHealth() {
        bodies.put("/fine.xml", rss("a"));
        bodies.put("/broken.xml", rss("b"));
        bodies.put("/quiet.xml", rss("c"));
        StoredPipe fine = server.save(OWNER, "Fine pipe", PipePagesTest.feedPipe(url("/fine.xml")), false);
        StoredPipe broken = server.save(OWNER, "Broken pipe", PipePagesTest.feedPipe(url("/broken.xml")), false);
        StoredPipe quiet = server.save(OWNER, "Quiet pipe", PipePagesTest.feedPipe(url("/quiet.xml")), false);
        server.save(OWNER, "Unused pipe", PipePagesTest.EMPTY, false);
        assertThat(owner.post("/pipe/" + quiet.id() + "/alerts", "staleHours", "1").statusCode()).isEqualTo(303);
        poll(fine, broken, quiet);
        bodies.put("/broken.xml", "<html><body>Gone fishing</body></html>");
        poll(fine, broken);
        poll(fine, broken);

        String html = owner.get("/mypipes").body();
        assertThat(PipePagesTest.section(html, "Fine pipe")).contains("<span class=\"health ok\">Health: ok</span>");
        assertThat(PipePagesTest.section(html, "Broken pipe")).contains("class=\"health failing\"")
                .containsPattern("Health: failing since <time datetime=\"[0-9T:.-]+Z\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC</time>");
        assertThat(PipePagesTest.section(html, "Quiet pipe")).as("one hour without news allowed, 22 min passed")
                .contains("Health: ok");
        assertThat(PipePagesTest.section(html, "Unused pipe")).contains("<span class=\"health none\">Health: no runs yet</span>");

        server.clock.advance(Duration.ofMinutes(40));
        assertThat(PipePagesTest.section(owner.get("/mypipes").body(), "Quiet pipe")).contains("class=\"health stale\"")
                .contains("Health: stale since");
        assertThat(other.get("/mypipes").body()).doesNotContain("Broken pipe");
    }

    @Test
    void thePipePageListsTheLastFiftyRunsNewestFirst() {
        bodies.put("/count.xml", rss("x", "y", "z"));
        StoredPipe pipe = server.save(OWNER, "Counted <b>pipe</b>", PipePagesTest.feedPipe(url("/count.xml")), false);
        poll(pipe);
        bodies.put("/count.xml", "<html><body>not a feed <script>alert(1)</script></body></html>");
        poll(pipe);
        String page = owner.get("/pipe/" + pipe.id()).body();
        assertThat(count(page)).isEqualTo(2);
        int stale = page.indexOf("<td class=\"run stale\">stale served</td>");
        int ok = page.indexOf("<td class=\"run ok\">ok</td>");
        assertThat(stale).as("the newest run first").isPositive().isLessThan(ok);
        assertThat(page).contains("<td>3</td>").contains("Feed (f):").containsPattern("<td>\\d+(\\.\\d)? m?s</td>")
                .contains("Health: ok");
        HostileContentTest.assertInert("pipe page with runs", page);

        bodies.put("/count.xml", rss("x", "y", "z"));
        for (int i = 0; i < 55; i++) {
            poll(pipe);
        }
        page = owner.get("/pipe/" + pipe.id()).body();
        assertThat(count(page)).as("only the newest 50 are kept").isEqualTo(50);
        assertThat(page).doesNotContain("stale served");
        String api = server.send("GET", "/api/pipes/" + pipe.id() + "/runs", server.token(OWNER), null).body();
        assertThat(api.split("\"finishedAt\"", -1)).hasSize(51);
        assertThat(api).startsWith("{\"health\":{\"status\":\"ok\"}");
    }

    @Test
    void theOwnerSetsAlertsWithTheFormAndBadValuesChangeNothing() {
        StoredPipe pipe = server.save(OWNER, "Alerted", PipePagesTest.EMPTY, false);
        String page = owner.get("/pipe/" + pipe.id()).body();
        assertThat(page).contains("<h2 id=\"alerts-h\">Health and alerts</h2>").contains("Health: no runs yet")
                .contains("<form class=\"alerts-form\" method=\"post\" action=\"/pipe/" + pipe.id() + "/alerts\">")
                .contains("Mail me when 2 runs in a row fail").doesNotContain(" checked");

        HttpResponse<String> saved = owner.post("/pipe/" + pipe.id() + "/alerts", "failures", "on", "staleHours", " 12 ");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Visitor.location(saved)).isEqualTo("/pipe/" + pipe.id() + "?notice=alerts-saved");
        assertThat(settings(pipe)).isEqualTo(new AlertSettings(true, 12));
        page = owner.get(Visitor.location(saved)).body();
        assertThat(page).contains("Alert settings saved.").contains("name=\"failures\" value=\"on\" checked")
                .contains("name=\"staleHours\" type=\"number\" min=\"0\" max=\"8760\" step=\"1\" value=\"12\"");

        for (String bad : new String[] {"abc", "-1", "8761", "1e3", "１２", "9".repeat(100_000)}) {
            HttpResponse<String> r = owner.post("/pipe/" + pipe.id() + "/alerts", "staleHours", bad);
            assertThat(r.statusCode()).as(bad.length() > 20 ? "a huge number" : bad).isIn(303, 413);
            if (r.statusCode() == 303) {
                assertThat(Visitor.location(r)).endsWith("notice=alerts-refused");
            }
            assertThat(settings(pipe)).isEqualTo(new AlertSettings(true, 12));
        }
        assertThat(owner.post("/pipe/" + pipe.id() + "/alerts").statusCode()).as("nothing ticked: all off").isEqualTo(303);
        assertThat(settings(pipe)).isEqualTo(AlertSettings.OFF);

        String token = server.token(OWNER);
        HttpResponse<String> put = server.send("PUT", "/api/pipes/" + pipe.id() + "/alerts", token, "{\"staleAfterHours\":48}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"onFailure\":false,\"staleAfterHours\":48}");
        assertThat(server.send("PUT", "/api/pipes/" + pipe.id() + "/alerts", token, "{\"onFailure\":true}").body())
                .as("fields left out stay").isEqualTo("{\"onFailure\":true,\"staleAfterHours\":48}");
        for (String bad : new String[] {"{\"staleAfterHours\":-3}", "{\"staleAfterHours\":1.5}", "{\"staleAfterHours\":\"6\"}",
                "{\"staleAfterHours\":99999999999}", "{\"onFailure\":\"yes\"}", "[]", "not json"}) {
            HttpResponse<String> r = server.send("PUT", "/api/pipes/" + pipe.id() + "/alerts", token, bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).contains("\"error\"");
        }
        assertThat(server.send("GET", "/api/pipes/" + pipe.id() + "/alerts", token, null).body())
                .isEqualTo("{\"onFailure\":true,\"staleAfterHours\":48}");
    }

    @Test
    void nobodyButTheOwnerSeesTheRunsOrChangesTheAlerts() {
        bodies.put("/pub.xml", rss("p"));
        StoredPipe shared = server.save(OWNER, "Shared pipe", PipePagesTest.feedPipe(url("/pub.xml")), true);
        StoredPipe secret = server.save(OWNER, "Secret pipe", PipePagesTest.feedPipe(url("/pub.xml")), false);
        poll(shared, secret);
        assertThat(owner.post("/pipe/" + shared.id() + "/alerts", "failures", "on").statusCode()).isEqualTo(303);
        AlertSettings before = settings(shared);

        String seen = other.get("/pipe/" + shared.id()).body();
        assertThat(seen).contains("Shared pipe").doesNotContain("Health and alerts").doesNotContain("Last runs")
                .doesNotContain("run-row").doesNotContain("/alerts\"");
        assertThat(Visitor.anonymous(server).get("/pipe/" + shared.id()).body()).doesNotContain("Health and alerts");

        assertThat(other.post("/pipe/" + shared.id() + "/alerts", "staleHours", "1").statusCode()).isEqualTo(403);
        assertThat(other.post("/pipe/" + secret.id() + "/alerts", "staleHours", "1").statusCode()).isEqualTo(404);
        assertThat(Visitor.location(Visitor.anonymous(server).post("/pipe/" + shared.id() + "/alerts", "staleHours", "1")))
                .startsWith("/login?next=");
        assertThat(owner.postFrom("https://evil.example", "/pipe/" + shared.id() + "/alerts", "staleHours", "1").statusCode())
                .as("a forged form post").isEqualTo(403);
        String otherToken = server.token(OTHER);
        assertThat(server.send("GET", "/api/pipes/" + shared.id() + "/runs", otherToken, null).statusCode()).isEqualTo(403);
        assertThat(server.send("GET", "/api/pipes/" + secret.id() + "/runs", otherToken, null).statusCode()).isEqualTo(404);
        HttpResponse<String> put = server.send("PUT", "/api/pipes/" + shared.id() + "/alerts", otherToken, "{\"onFailure\":false}");
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).doesNotContain("finishedAt");
        assertThat(server.send("GET", "/api/pipes/" + shared.id() + "/runs", null, null).statusCode()).isEqualTo(401);
        assertThat(settings(shared)).as("nothing changed").isEqualTo(before);
        assertThat(settings(secret)).isEqualTo(AlertSettings.OFF);
    }

    private AlertSettings settings(StoredPipe pipe) {
        String body = server.send("GET", "/api/pipes/" + pipe.id() + "/alerts", server.token(OWNER), null).body();
        Matcher m = Pattern.compile("\\{\"onFailure\":(true|false),\"staleAfterHours\":(\\d+)}").matcher(body);
        assertThat(m.matches()).as(body).isTrue();
        return new AlertSettings(Boolean.parseBoolean(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static int count(String html) {
        Matcher m = RUN_ROW.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
