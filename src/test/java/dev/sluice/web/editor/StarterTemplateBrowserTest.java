package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A newcomer opens a starter template from {@code /templates}: it loads into the editor as an
 * unsaved copy with the options to fill in highlighted; filled in, the inspector shows its
 * items, and Save makes a pipe of the newcomer's own.
 */
class StarterTemplateBrowserTest {
    static final String OWNER = "newcomer@example.org";
    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Tech</title><link>http://127.0.0.1/</link><description>d</description>
            <item><guid>g1</guid><title>Rust 1.80 released</title><link>http://127.0.0.1/1</link><description>News</description></item>
            <item><guid>g2</guid><title>Gardening tips</title><link>http://127.0.0.1/2</link><description>Soil</description></item>
            <item><guid>g3</guid><title>Java 23 is out</title><link>http://127.0.0.1/3</link><description>JDK</description></item>
            </channel></rss>""";

    static TestServer server;
    static Browser browser;
    static MockWebServer upstream;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.forBrowser(Map.of());
        browser = Browser.open();
        upstream = new MockWebServer();
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(FEED));
        upstream.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        server.close();
        upstream.close();
    }

    @Test
    void aTemplateOpensHighlightedRunsAndSavesAsTheNewcomersPipe() {
        browser.go(server, "/");
        browser.screenshot("landing-page");
        browser.driver.findElement(By.linkText("Start from a template")).click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/templates"));
        browser.screenshot("templates-page");
        browser.logIn(server, OWNER).go(server, "/templates");
        browser.driver.findElement(By.cssSelector("#template-filter-keywords a.button")).click();
        browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        assertThat(browser.driver.getCurrentUrl()).endsWith("/editor?template=filter-keywords");
        assertThat(browser.driver.findElement(By.id("pipe-title")).getDomProperty("value")).isEqualTo("Filter a feed by keywords");
        assertThat(browser.driver.findElements(By.cssSelector("#canvas g.block"))).hasSize(3);
        List<WebElement> highlighted = browser.driver.findElements(By.cssSelector("#canvas .template-param"));
        assertThat(highlighted).extracting(f -> f.getDomAttribute("data-block-id") + ":" + f.getDomAttribute("data-option"))
                .containsExactly("feed:0", "filter:0");
        assertThat(browser.driver.findElement(By.id("status")).getText()).contains("fill in").contains("Feed URL");
        assertThat(highlighted.get(0).getDomProperty("placeholder")).startsWith("https://");
        browser.screenshot("editor-template");

        WebElement url = browser.driver.findElement(By.cssSelector("#canvas g.block[data-block-id='feed'] [data-option='0']"));
        url.sendKeys(upstream.url("/feed.xml").toString());
        browser.driver.findElement(By.cssSelector("#canvas g.block[data-block-id='output'] rect.head")).click();
        browser.waiting().until(d -> browser.texts("#inspector .inspector-item-head").size() == 2);
        assertThat(browser.texts("#inspector .inspector-item-head a, #inspector .inspector-item-title"))
                .containsExactly("Rust 1.80 released", "Java 23 is out");

        browser.driver.findElement(By.id("save")).click();
        browser.waiting().until(d -> d.getCurrentUrl().matches(".*/editor/[A-Za-z0-9]+$"));
        assertThat(browser.driver.findElement(By.id("feed-url")).getText()).contains("/feed/");
        String feed = server.get(browser.driver.findElement(By.id("feed-url")).getText()
                .replaceFirst("^https?://[^/]+", "")).body();
        assertThat(feed).contains("Rust 1.80 released").contains("Java 23 is out").doesNotContain("Gardening tips");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
