package dev.sluice.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.PipeRepository;
import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Hostile content stays inert: a feed whose items carry scripts, event handlers,
 * {@code javascript:} links, SVG with script and frames, and a pipe whose title, description and
 * tags are HTML — on the preview, the gallery, the pipe page, the dashboard and the landing page.
 * Checked on the HTML, then in headless Chromium: no dialog opens and the console stays clean.
 * The browser test also takes the screenshots of the pages.
 */
class HostileContentTest {
    static final String HOSTILE_TITLE = "<img src=x onerror=alert('title')>Evil";
    static final String HOSTILE_DESCRIPTION = "\"><svg onload=alert('description')><script>alert('d')</script>";
    static final String HOSTILE_TAG = "<script>alert('tag')</script>";
    static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /** Feed → Filter → Output, as the editor would lay it out (the feed is never fetched: these pipes do not run). */
    static final String THREE_BLOCKS = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":560,\"y\":120,\"name\":\"Output\","
            + "\"userinputs\":[\"\"],\"inputs\":[{\"from\":\"b2\",\"from_output_slot\":0}],\"textinputs\":[]},"
            + "{\"id\":\"b2\",\"type\":\"FilterBlock\",\"x\":300,\"y\":60,\"name\":\"Filter\",\"userinputs\":[\"sport\",true,\"title\"],"
            + "\"inputs\":[{\"from\":\"b1\",\"from_output_slot\":0}],\"textinputs\":[{},{},{}]},"
            + "{\"id\":\"b1\",\"type\":\"FeedBlock\",\"x\":40,\"y\":140,\"name\":\"Newspapers\","
            + "\"userinputs\":[\"http://127.0.0.1:9/news.xml\"],\"inputs\":[],\"textinputs\":[{}]}]}";

    MockWebServer upstream;

    /** The feed: every trick in one item, plus an ordinary item; its images are served by the upstream itself. */
    String hostileFeed() {
        String base = "http://127.0.0.1:" + upstream.getPort();
        return """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Evil &lt;script&gt;alert(1)&lt;/script&gt;</title>
                <link>BASE/</link><description>d</description>
                <item><title>&lt;script&gt;alert('title')&lt;/script&gt;Hello</title><link>javascript:alert(1)</link>
                <guid>evil-1</guid><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
                <description><![CDATA[<p>Text<script>alert(1)</script><img src="BASE/pixel.png" onerror="alert(2)" onload="alert(22)">
                <a href="javascript:alert(3)">click</a> <a href="BASE/ok">ok</a> <a href="JaVaScRiPt:alert(33)">mixed case</a>
                <svg><script>alert(4)</script></svg><img src="BASE/evil.svg"><iframe src="BASE/frame"></iframe>
                <object data="BASE/frame"></object><form action="BASE/steal"><button formaction="javascript:alert(8)">go</button></form>
                <div style="background:url(javascript:alert(5))" onclick="alert(6)" onmouseover="alert(7)">x</div></p>]]></description></item>
                <item><title>Plain news</title><link>BASE/plain</link><guid>plain-1</guid><description>Just text.</description></item>
                </channel></rss>
                """.replace("BASE", base).strip();
    }

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath() == null ? "" : request.getPath();
                return switch (path) {
                    case "/evil.xml" -> new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(hostileFeed());
                    case "/pixel.png" -> new MockResponse().setHeader("Content-Type", "image/png").setBody(new Buffer().write(PIXEL));
                    case "/evil.svg" -> new MockResponse().setHeader("Content-Type", "image/svg+xml")
                            .setBody("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><script>alert(9)</script>"
                                    + "<rect width=\"4\" height=\"4\"/></svg>");
                    default -> new MockResponse().setResponseCode(404);
                };
            }
        });
        upstream.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopUpstream() throws IOException {
        upstream.shutdown();
    }

    StoredPipe hostilePipe(TestServer server, String owner) {
        String json = PipePagesTest.feedPipe("http://127.0.0.1:" + upstream.getPort() + "/evil.xml")
                .replace("\"type\":\"FeedBlock\"", "\"type\":\"FeedBlock\",\"name\":\"<script>alert('block')</script>\"");
        try {
            long id = server.sluice.users().findOrCreate(owner).id();
            return server.sluice.pipes().create(id, new PipeRepository.Draft(HOSTILE_TITLE, HOSTILE_DESCRIPTION, json, true,
                    List.of(HOSTILE_TAG, "news")));
        } catch (PipeFormatException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Parsed as a browser would: no script but the site's own, no event handler attribute, no
     * {@code javascript:} URL in any attribute, no frame, object or inline SVG, no inline style.
     * (The hostile text itself may appear, escaped: that is how it must be shown.)
     */
    static void assertInert(String page, String html) {
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script").stream().map(e -> e.attr("src")).toList()).as(page)
                .allMatch(src -> src.equals("/static/copy.js"));
        assertThat(doc.select("iframe, frame, object, embed, svg, math, base, meta[http-equiv]")).as(page).isEmpty();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().replaceAll("\\s", "").toLowerCase(Locale.ROOT);
                assertThat(name).as(page + ": " + e.tagName()).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("formaction");
                assertThat(value).as(page + ": " + e.tagName() + " " + name).doesNotStartWith("javascript:").doesNotStartWith("data:text/html");
            }
        }
    }

    @Test
    void hostileFeedsAndPipeDetailsRenderInertInTheHtml() {
        try (TestServer server = Visitor.server()) {
            StoredPipe pipe = hostilePipe(server, "eve@example.org");
            Visitor owner = Visitor.loggedIn(server, "eve@example.org");
            Visitor anonymous = Visitor.anonymous(server);
            Map<String, HttpResponse<String>> pages = Map.of(
                    "preview", anonymous.get("/preview/" + pipe.id()),
                    "gallery", anonymous.get("/pipes"),
                    "gallery by tag", anonymous.get("/pipes?tag=news&q=%3Cscript%3E"),
                    "pipe page", anonymous.get("/pipe/" + pipe.id()),
                    "landing", anonymous.get("/"),
                    "owner's pipe page", owner.get("/pipe/" + pipe.id()),
                    "dashboard", owner.get("/mypipes"),
                    "thumbnail", anonymous.get("/pipe/" + pipe.id() + "/thumbnail.svg"));
            pages.forEach((name, r) -> {
                assertThat(r.statusCode()).as(name).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
                if (!name.equals("thumbnail")) {
                    assertInert(name, r.body());
                }
            });
            assertThat(pages.get("thumbnail").body()).doesNotContain("<script").contains("&lt;script&gt;");
            String preview = pages.get("preview").body();
            // an RSS title holding escaped markup is HTML: readers show its text, the script is gone
            assertThat(preview).contains("2 items").contains("2025-03-04 10:00 UTC").contains("Hello")
                    .doesNotContain("alert(&#39;title&#39;)&lt;/script&gt;")
                    .contains("src=\"http://127.0.0.1:" + upstream.getPort() + "/pixel.png\"")
                    .contains("href=\"http://127.0.0.1:" + upstream.getPort() + "/ok\"").contains("Plain news");
            assertThat(pages.get("gallery").body()).contains("&lt;img src=x onerror=alert(&#39;title&#39;)&gt;Evil")
                    .contains("&quot;&gt;&lt;svg onload=").contains("&lt;script&gt;alert(&#39;tag&#39;)&lt;/script&gt;");
            assertThat(Visitor.listedPipes(pages.get("gallery by tag").body())).containsExactly(pipe.id());
        }
    }

    @Test
    void hostileContentIsInertInChromiumAndThePagesLookRight() {
        try (TestServer server = TestServer.forBrowser(Map.of()); Browser browser = Browser.open()) {
            String owner = "eve@example.org";
            StoredPipe evil = hostilePipe(server, owner);
            StoredPipe morning = withDetails(server, owner, "Morning digest", "Top stories from three newspapers, without the sport.",
                    true, List.of("news", "digest"));
            withDetails(server, owner, "Release notes", "New versions of the tools I use.", false, List.of("software"));
            withDetails(server, "sam@example.org", "Bicycle deals", "Cheap bikes near me.", true, List.of("bikes", "shopping"));
            server.get("/feed/" + evil.id());

            visit(browser, server, "/", "landing");
            visit(browser, server, "/pipes", "gallery");
            visit(browser, server, "/preview/" + evil.id(), "preview");
            assertThat(browser.driver.findElements(By.cssSelector(".item"))).hasSize(2);
            assertThat(browser.driver.findElements(By.tagName("iframe"))).isEmpty();

            browser.logIn(server, owner);
            visit(browser, server, "/mypipes", "dashboard");
            assertThat(browser.driver.findElement(By.cssSelector("button.copy")).isDisplayed()).as("copy button shown by copy.js").isTrue();
            visit(browser, server, "/pipe/" + morning.id(), "pipe-page");
            visit(browser, server, "/pipe/" + evil.id(), "pipe-page-hostile");

            browser.width(360);
            visit(browser, server, "/mypipes", "dashboard-360");
            Object overflow = browser.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("horizontal scrolling at 360 px").isLessThanOrEqualTo(0);
        }
    }

    /** Opens a page, checks that nothing ran and nothing failed, and takes its screenshot. */
    static void visit(Browser browser, TestServer server, String path, String screenshot) {
        browser.go(server, path);
        browser.waiting().until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
        assertThat(browser.openDialog()).as("a dialog on " + path).isNull();
        assertThat(browser.consoleErrors()).as("console errors on " + path).isEmpty();
        assertThat(browser.screenshot("pages-" + screenshot)).exists();
    }

    static StoredPipe withDetails(TestServer server, String owner, String title, String description, boolean isPublic,
                                  List<String> tags) {
        try {
            long id = server.sluice.users().findOrCreate(owner).id();
            return server.sluice.pipes().create(id, new PipeRepository.Draft(title, description, THREE_BLOCKS, isPublic, tags));
        } catch (PipeFormatException e) {
            throw new AssertionError(e);
        }
    }

}
