package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * A newcomer's first run, with no account: the landing page, a template, items in the inspector
 * before logging in; then Save, the login link by mail (GreenMail), the work back and saved, and
 * the pipe's feed URL read by a feed parser (Python's feedparser, as feed readers would).
 */
class FirstRunBrowserTest {
    static final String EMAIL = "first@example.org";
    static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/login/verify\\?token=[A-Za-z0-9_-]+)");
    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Tech</title><link>http://127.0.0.1/</link><description>d</description>
            <item><guid>g1</guid><title>Rust 1.80 released</title><link>http://127.0.0.1/1</link><description>News</description></item>
            <item><guid>g2</guid><title>Gardening tips</title><link>http://127.0.0.1/2</link><description>Soil</description></item>
            <item><guid>g3</guid><title>Java 23 is out</title><link>http://127.0.0.1/3</link><description>JDK</description></item>
            </channel></rss>""";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static TestServer server;
    static MockWebServer upstream;

    @BeforeAll
    static void start() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(FEED);
            }
        });
        upstream.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        upstream.close();
    }

    @Test
    void aVisitorTriesATemplateLogsInSavesAndSubscribes() throws Exception {
        server = TestServer.forBrowser(Map.of("SLUICE_SMTP_HOST", "127.0.0.1",
                "SLUICE_SMTP_PORT", Integer.toString(MAIL.getSmtp().getPort()), "SLUICE_SMTP_TLS", "none"));
        String feedUrl;
        try (Browser browser = Browser.open()) {
            browser.driver.manage().window().setSize(new Dimension(1400, 1000));
            browser.go(server, "/");
            browser.driver.findElement(By.linkText("Start from a template")).click();
            browser.waiting().until(d -> d.getCurrentUrl().endsWith("/templates"));
            browser.driver.findElement(By.cssSelector("#template-filter-keywords a.button")).click();
            browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

            // No account yet: the inspector runs the pipe anyway, under the anonymous plan.
            WebElement url = browser.driver.findElement(By.cssSelector("#canvas g.block[data-block-id='feed'] [data-option='0']"));
            url.sendKeys(upstream.url("/tech.xml").toString());
            browser.driver.findElement(By.cssSelector("#canvas g.block[data-block-id='output'] rect.head")).click();
            browser.waiting().until(d -> browser.texts("#inspector .inspector-item-head").size() == 2);
            assertThat(browser.texts("#inspector .inspector-item-head a, #inspector .inspector-item-title"))
                    .containsExactly("Rust 1.80 released", "Java 23 is out");
            browser.screenshot("first-run-anonymous-inspector");

            // Save asks to log in and keeps the work; the link comes by mail.
            browser.driver.findElement(By.id("save")).click();
            browser.waiting().until(d -> d.getCurrentUrl().contains("/login"));
            browser.driver.findElement(By.id("email")).sendKeys(EMAIL);
            browser.driver.findElement(By.cssSelector("form button[type='submit']")).click();
            browser.waiting().until(d -> MAIL.getReceivedMessages().length == 1);
            Matcher link = LINK.matcher(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]).replace("=\r\n", ""));
            assertThat(link.find()).as("a login link in the mail").isTrue();
            browser.go(server, link.group(1));
            browser.waiting().until(d -> d.getCurrentUrl().contains("/editor")
                    && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(browser.driver.findElement(By.id("pipe-title")).getDomProperty("value")).isEqualTo("Filter a feed by keywords");

            browser.driver.findElement(By.id("save")).click();
            browser.waiting().until(d -> !d.findElements(By.id("feed-url")).isEmpty());
            feedUrl = browser.driver.findElement(By.id("feed-url")).getText();
            assertThat(browser.consoleErrors()).isEmpty();
        }

        // Subscribe: what a feed reader gets at the feed URL.
        String rss = server.get(feedUrl.replaceFirst("^https?://[^/]+", "")).body();
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import feedparser")
                .start().waitFor() == 0, "Python's feedparser is not installed (Debian: python3-feedparser); CI installs it");
        Process parse = new ProcessBuilder(python.toString(), "-c",
                "import feedparser, sys; d = feedparser.parse(sys.stdin.buffer.read()); "
                        + "print('bozo' if d.bozo else 'ok'); print('\\n'.join(e.title for e in d.entries))").start();
        parse.getOutputStream().write(rss.getBytes(StandardCharsets.UTF_8));
        parse.getOutputStream().close();
        List<String> lines = new String(parse.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(parse.waitFor()).isZero();
        assertThat(lines).containsExactly("ok", "Rust 1.80 released", "Java 23 is out");
    }
}
