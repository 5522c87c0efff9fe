package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The inspector, the Extract picker and the field helpers in the real editor, in headless
 * Chromium, against upstreams on loopback.
 */
class InspectorBrowserTest {
    static final String OWNER = "inspector@example.org";
    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Tech</title><link>http://127.0.0.1/</link><description>d</description>
            <item><guid>g1</guid><title>Rust 1.80 released</title><link>http://127.0.0.1/1</link>
              <description>&lt;b&gt;Bold&lt;/b&gt; news &lt;img src=x onerror=alert(1)&gt;</description>
              <pubDate>Mon, 01 Jul 2024 10:00:00 GMT</pubDate></item>
            <item><guid>g2</guid><title>Java 23 is out</title><link>http://127.0.0.1/2</link><description>JDK</description></item>
            <item><guid>g3</guid><title>Gardening tips</title><link>javascript:alert(3)</link><description>Soil</description></item>
            <item><guid>g4</guid><title>Cooking with Rust</title><link>http://127.0.0.1/4</link><description>Pans</description></item>
            </channel></rss>""";
    static final String SHOP = """
            <!doctype html><html><head><title>Shop</title>
            <script>document.title = 'pwned'; alert('page script ran');</script></head>
            <body onload="alert('onload ran')"><h1 class="head">Products</h1>
            <ul id="products"><li class="product">Kettle</li><li class="product">Toaster</li><li class="product">Blender</li></ul>
            <p class="note">Prices include VAT</p>
            <img src="broken.png" alt="" onerror="document.title = 'onerror ran'; alert('onerror ran')">
            </body></html>""";
    /** The same story twice: under two tracking links, with two spellings of its title. */
    static final String STORIES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Harbour</title><link>http://127.0.0.1/</link><description>d</description>
            <item><guid>s1</guid><title>Harbour reopens after storm</title><link>http://127.0.0.1/harbour?utm_source=rss</link>
              <pubDate>Mon, 01 Jul 2024 10:00:00 GMT</pubDate></item>
            <item><guid>s2</guid><title>HARBOUR REOPENS — AFTER STORM!</title><link>http://127.0.0.1/harbour?fbclid=x</link>
              <pubDate>Tue, 02 Jul 2024 10:00:00 GMT</pubDate></item>
            </channel></rss>""";
    static final String DATA = "{\"items\":[{\"title\":\"a\",\"url\":\"http://x/1\"},{\"title\":\"b\",\"url\":\"http://x/2\"}],\"count\":2}";

    static TestServer server;
    static Browser browser;
    MockWebServer upstream;

    @BeforeAll
    static void start() {
        server = TestServer.forBrowser(Map.of());
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @BeforeEach
    void upstream() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getPath()) {
                    case "/feed.xml" -> new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(FEED);
                    case "/shop" -> new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(SHOP);
                    // Not an image: the <img> fails to decode (its onerror would fire) without a failed request in the console.
                    case "/broken.png" -> new MockResponse().setHeader("Content-Type", "image/png").setBody("not a png");
                    case "/stories.xml" -> new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(STORIES);
                    case "/data.json" -> new MockResponse().setHeader("Content-Type", "application/json").setBody(DATA);
                    default -> new MockResponse().setResponseCode(404);
                };
            }
        });
        upstream.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void closeUpstream() throws IOException {
        upstream.close();
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    StoredPipe save(String json) {
        return server.save(OWNER, "Inspector test", json.replace("UPSTREAM", upstream.url("/").toString()), false);
    }

    WebElement block(String id) {
        return browser.driver.findElement(By.cssSelector("g.block[data-block-id='" + id + "']"));
    }

    void open(StoredPipe pipe) {
        browser.logIn(server, OWNER).go(server, "/editor/" + pipe.id());
        browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    void select(String id) {
        block(id).findElement(By.cssSelector("rect.head")).click();
    }

    /** The visible texts of the elements matching {@code css}, read in one step (the pane re-renders as runs finish). */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())", css);
    }

    @Test
    void filterShowsItemsAndDropsByRuleAndRerunsLiveAsThePatternChanges() {
        StoredPipe pipe = save("""
                {"blocks":[
                 {"id":"output","type":"OutputBlock","x":900,"y":120,"name":"Output","userinputs":[""],"inputs":[{"from":"f17e000002","from_output_slot":0}],"textinputs":[]},
                 {"id":"f17e000002","type":"FilterBlock","x":480,"y":120,"name":"Filter","userinputs":["/rust/i",false,"title"],"inputs":[{"from":"feed000001","from_output_slot":0}],"textinputs":[{}]},
                 {"id":"feed000001","type":"FeedBlock","x":60,"y":120,"name":"Feed","userinputs":["UPSTREAMfeed.xml"],"inputs":[],"textinputs":[{}]}]}""");
        open(pipe);
        select("f17e000002");

        browser.waiting().until(d -> texts("#inspector .inspector-item-head").size() == 2);
        assertThat(texts("#inspector .inspector-item-head a, #inspector .inspector-item-title"))
                .containsExactly("Rust 1.80 released", "Cooking with Rust");
        assertThat(texts("#inspector .inspector-drop-title")).containsExactly("Java 23 is out", "Gardening tips");
        assertThat(texts("#inspector .inspector-drop-rule")).allSatisfy(rule -> assertThat(rule).contains("/rust/i"));
        assertThat(browser.driver.findElement(By.cssSelector("#inspector .inspector-timing")).getText()).contains("4 in → 2 out");
        // Feed HTML is shown as text: no element of it reaches the page.
        assertThat(browser.driver.findElement(By.cssSelector("#inspector .inspector-snippet")).getText()).startsWith("Bold news");
        assertThat(browser.driver.findElements(By.cssSelector("#inspector b, #inspector img"))).isEmpty();

        WebElement pattern = block("f17e000002").findElement(By.cssSelector("[data-option='0']"));
        pattern.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Java");
        browser.waiting().until(d -> texts("#inspector .inspector-item-head a").equals(List.of("Java 23 is out")));
        assertThat(texts("#inspector .inspector-drop-title")).containsExactly("Rust 1.80 released", "Gardening tips", "Cooking with Rust");
        browser.screenshot("editor-inspector");

        browser.driver.findElement(By.cssSelector("#inspector button[data-view='json']")).click();
        browser.waiting().until(d -> texts("#inspector .inspector-raw").stream().anyMatch(t -> t.contains("\"title\": \"Java 23 is out\"")));
        browser.driver.findElement(By.cssSelector("#inspector button[data-view='rss']")).click();
        browser.waiting().until(d -> texts("#inspector .inspector-raw").stream().anyMatch(t -> t.contains("<rss") && t.contains("Java 23 is out")));
        // Every re-run read the feed from the server's download cache: the upstream was asked once.
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void thePickerProposesASelectorForAListAndThePagesOwnScriptsNeverRun() {
        StoredPipe pipe = save("""
                {"blocks":[
                 {"id":"output","type":"OutputBlock","x":900,"y":120,"name":"Output","userinputs":[""],"inputs":[{"from":"e0000000b2","from_output_slot":0}],"textinputs":[]},
                 {"id":"e0000000b2","type":"ExtractBlock","x":480,"y":120,"name":"Extract","userinputs":["","",false],"inputs":[{"from":"d0000000a1","from_output_slot":0}],"textinputs":[{},{}]},
                 {"id":"d0000000a1","type":"DownloadBlock","x":60,"y":120,"name":"Download","userinputs":["UPSTREAMshop",false],"inputs":[],"textinputs":[{}]}]}""");
        open(pipe);
        block("e0000000b2").findElement(By.cssSelector("button.field-pick")).click();

        WebElement frame = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".picker-overlay iframe")));
        assertThat(frame.getDomAttribute("sandbox")).isEqualTo("allow-scripts");
        browser.waiting().until(d -> d.findElement(By.cssSelector(".picker-status")).getText().startsWith("Click"));
        browser.driver.switchTo().frame(frame);
        List<WebElement> products = browser.driver.findElements(By.cssSelector("li.product"));
        products.get(0).click();
        products.get(2).click();
        assertThat(browser.driver.executeScript("return document.title")).isEqualTo("Shop");
        browser.driver.switchTo().defaultContent();

        browser.waiting().until(d -> d.findElement(By.cssSelector(".picker-status")).getText().equals("3 matches"));
        // A message from any window but the picker's frame is ignored, however well formed.
        browser.driver.executeAsyncScript("window.postMessage({source: 'sluice-picker', type: 'selection', selector: 'forged',"
                + " count: 99, picked: 1, excluded: 0}, '*'); setTimeout(arguments[0], 200);");
        String all = browser.driver.findElement(By.cssSelector(".picker-selector")).getDomProperty("value");
        assertThat(all).isNotEqualTo("forged");
        assertThat(browser.driver.findElement(By.cssSelector(".picker-status")).getText()).isEqualTo("3 matches");
        // The selector is run by Extract with jsoup on the real page: it must match the list's items there.
        assertThat(org.jsoup.Jsoup.parse(SHOP).select(all).eachText()).containsExactly("Kettle", "Toaster", "Blender");

        // Shift-click excludes an element.
        browser.driver.switchTo().frame(frame);
        new Actions(browser.driver).keyDown(Keys.SHIFT).click(browser.driver.findElements(By.cssSelector("li.product")).get(1))
                .keyUp(Keys.SHIFT).perform();
        browser.driver.switchTo().defaultContent();
        browser.waiting().until(d -> d.findElement(By.cssSelector(".picker-status")).getText().equals("2 matches"));
        String selector = browser.driver.findElement(By.cssSelector(".picker-selector")).getDomProperty("value");
        assertThat(org.jsoup.Jsoup.parse(SHOP).select(selector).eachText()).containsExactly("Kettle", "Blender");
        assertThat(browser.openDialog()).as("a dialog opened by the page").isNull();
        browser.screenshot("editor-picker");

        browser.driver.findElement(By.cssSelector(".picker-use")).click();
        assertThat(browser.driver.findElements(By.cssSelector(".picker-overlay"))).isEmpty();
        assertThat(block("e0000000b2").findElement(By.cssSelector("[data-option='0']")).getDomProperty("value")).isEqualTo(selector);
        // The option is in the pipe: the inspector runs Extract with it.
        select("e0000000b2");
        browser.waiting().until(d -> texts("#inspector .inspector-snippet").equals(List.of("Kettle", "Blender")));
    }

    @Test
    void jsonPathOptionsOfferTheUpstreamOutlineAndTheWebhookShowsItsHookUrl() {
        StoredPipe pipe = save("""
                {"blocks":[
                 {"id":"output","type":"OutputBlock","x":900,"y":120,"name":"Output","userinputs":[""],"inputs":[{"from":"da7a000002","from_output_slot":0}],"textinputs":[]},
                 {"id":"da7a000002","type":"WateredFilterBlock","x":480,"y":120,"name":"Filter data","userinputs":["$","title","a","contains"],"inputs":[{"from":"da7a000001","from_output_slot":0}],"textinputs":[]},
                 {"id":"da7a000001","type":"WateredDownloadBlock","x":60,"y":120,"name":"Download data","userinputs":["UPSTREAMdata.json"],"inputs":[],"textinputs":[{}]},
                 {"id":"4004000001","type":"WebhookBlock","x":60,"y":420,"name":"Webhook","userinputs":["","s3cret"],"inputs":[],"textinputs":[]},
                 {"id":"f0ea000001","type":"ForeachBlock","x":480,"y":420,"name":"For Each","userinputs":["feed"],"inputs":[{}],"textinputs":[]}]}""");
        open(pipe);

        WebElement target = block("da7a000002").findElement(By.cssSelector("[data-option='0']"));
        target.click();
        browser.waiting().until(d -> !texts("#paths-da7a000002-0 option").isEmpty()
                || !d.findElements(By.cssSelector("#paths-da7a000002-0 option")).isEmpty());
        List<String> offered = browser.driver.findElements(By.cssSelector("#paths-da7a000002-0 option")).stream()
                .map(o -> o.getDomAttribute("value")).toList();
        assertThat(offered).contains("$.items", "$.items[*].title", "$.items[*].url", "$.count");
        assertThat(target.getDomAttribute("list")).isEqualTo("paths-da7a000002-0");

        WebElement hook = block("4004000001").findElement(By.cssSelector("[data-option='0']"));
        assertThat(hook.getDomProperty("value")).isEqualTo(server.url("/hook/4004000001"));
        assertThat(hook.getDomProperty("readOnly")).isEqualTo("true");
        WebElement secret = block("4004000001").findElement(By.cssSelector("[data-option='1']"));
        assertThat(secret.getDomAttribute("type")).isEqualTo("password");
        block("4004000001").findElement(By.cssSelector("button.field-reveal")).click();
        assertThat(secret.getDomProperty("type")).isEqualTo("text");
        assertThat(block("f0ea000001").findElement(By.cssSelector("[data-option='0']")).getDomAttribute("title"))
                .contains("feed:", "download:");

        // The data block's own output: a tree of the data and its paths.
        select("da7a000001");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#inspector .inspector-tree")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("#inspector .inspector-tree summary")).getText()).isEqualTo("{2}");
        assertThat(browser.driver.findElement(By.cssSelector("#inspector .inspector-outline summary")).getText()).startsWith("Paths (");
    }

    @Test
    void uniqueAndUrlCleanupExplainTheirOptionsAndTheTraceNamesTheKeptDuplicate() {
        StoredPipe pipe = save("""
                {"blocks":[
                 {"id":"output","type":"OutputBlock","x":900,"y":120,"name":"Output","userinputs":[""],"inputs":[{"from":"a11a000003","from_output_slot":0}],"textinputs":[]},
                 {"id":"a11a000003","type":"UniqueBlock","x":640,"y":120,"name":"Unique","userinputs":["title","newest"],"inputs":[{"from":"c1ea000002","from_output_slot":0}],"textinputs":[]},
                 {"id":"c1ea000002","type":"UrlCleanupBlock","x":340,"y":120,"name":"URL Cleanup","userinputs":[],"inputs":[{"from":"feed000001","from_output_slot":0}],"textinputs":[]},
                 {"id":"feed000001","type":"FeedBlock","x":60,"y":120,"name":"Feed","userinputs":["UPSTREAMstories.xml"],"inputs":[],"textinputs":[{}]}]}""");
        open(pipe);

        WebElement compare = block("a11a000003").findElement(By.cssSelector("[data-option='0']"));
        assertThat(compare.getDomProperty("value")).isEqualTo("title");
        assertThat(compare.findElements(By.tagName("option")).stream().map(o -> o.getDomAttribute("value")).toList())
                .containsExactly("", "guid", "link", "title");
        assertThat(compare.findElement(By.cssSelector("option[value='']")).getText()).as("blank, as Pipes CE saved it")
                .isEqualTo("(default: guid)");
        assertThat(compare.getDomAttribute("title")).contains("guid:", "link:", "title:", "tracking parameters");
        WebElement link = compare.findElement(By.cssSelector("option[value='link']"));
        assertThat(link.getDomAttribute("title")).startsWith("link:").contains("tracking parameters");
        WebElement keep = block("a11a000003").findElement(By.cssSelector("[data-option='1']"));
        assertThat(keep.findElement(By.cssSelector("option[value='newest']")).getDomAttribute("title")).contains("latest date");
        assertThat(block("a11a000003").findElement(By.cssSelector("[data-option='2']")).getDomAttribute("title"))
                .contains("utm_*", "name*");
        assertThat(block("c1ea000002").findElement(By.cssSelector("[data-option='1']")).getDomAttribute("title"))
                .contains("readers show the items again");

        select("c1ea000002");
        browser.waiting().until(d -> texts("#inspector .inspector-item-head").size() == 2);
        assertThat(browser.driver.findElements(By.cssSelector("#inspector .inspector-item-head a")).stream()
                .map(a -> a.getDomAttribute("href")).toList()).containsOnly("http://127.0.0.1/harbour");
        select("a11a000003");
        browser.waiting().until(d -> texts("#inspector .inspector-drop-title").equals(List.of("Harbour reopens after storm")));
        assertThat(texts("#inspector .inspector-item-head a, #inspector .inspector-item-title"))
                .containsExactly("HARBOUR REOPENS — AFTER STORM!");
        assertThat(texts("#inspector .inspector-drop-rule"))
                .containsExactly("duplicate title: kept \"HARBOUR REOPENS — AFTER STORM!\", which is newer");
    }

    /** Try before login: a visitor opens a shared pipe and sees its Feed block's items, under the anonymous plan. */
    @Test
    void loggedOutTheInspectorRunsUnderTheAnonymousPlan() {
        StoredPipe pipe = server.save(OWNER, "Shared feed", """
                {"blocks":[
                 {"id":"output","type":"OutputBlock","x":900,"y":120,"name":"Output","userinputs":[""],"inputs":[{"from":"feed000001","from_output_slot":0}],"textinputs":[]},
                 {"id":"feed000001","type":"FeedBlock","x":60,"y":120,"name":"Feed","userinputs":["UPSTREAMfeed.xml"],"inputs":[],"textinputs":[{}]}]}"""
                .replace("UPSTREAM", upstream.url("/").toString()), true);
        browser.driver.manage().deleteAllCookies();
        browser.go(server, "/editor/" + pipe.id());
        browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(texts("#inspector .anonymous-note")).containsExactly(
                "Trying without an account: runs are limited to 3 s and never stored. Log in to save.");
        select("feed000001");
        browser.waiting().until(d -> texts("#inspector .inspector-item-head").size() == 4);
        assertThat(texts("#inspector .inspector-item-head a, #inspector .inspector-item-title"))
                .contains("Rust 1.80 released", "Java 23 is out", "Cooking with Rust");
        browser.screenshot("editor-inspector-anonymous");
    }

    @Test
    void switchedOffTheInspectorAsksVisitorsToLogIn() {
        try (TestServer off = TestServer.forBrowser(Map.of("SLUICE_ANONYMOUS_RUNS", "false"))) {
            browser.driver.manage().deleteAllCookies();
            browser.go(off, "/editor");
            browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.waiting().until(d -> texts("#inspector .inspector-message").stream().anyMatch(t -> t.contains("Log in to run")));
            assertThat(texts("#inspector .anonymous-note")).isEmpty();
        }
    }
}
