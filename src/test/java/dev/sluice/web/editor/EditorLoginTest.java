package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** Saving while logged out keeps the work through login, and it is saved afterwards. */
class EditorLoginTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.forBrowser(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void workSavedLoggedOutSurvivesTheLogin() throws Exception {
        String url = "http://127.0.0.1:9/kept.xml";
        try (Browser browser = Browser.open()) {
            browser.driver.manage().window().setSize(new Dimension(1400, 1200));
            EditorDriver editor = new EditorDriver(browser, server).open("/editor");
            String feed = editor.drag("FeedBlock", 200, 80);
            editor.type(feed, 0, url);
            editor.connect(feed, "out:0", "output", "in:0");
            browser.driver.findElement(By.id("pipe-title")).sendKeys("Kept through login");
            editor.click("save");

            browser.waiting().until(d -> d.getCurrentUrl().contains("/login"));
            String next = URLDecoder.decode(browser.driver.getCurrentUrl().replaceAll(".*[?&]next=", ""), StandardCharsets.UTF_8);
            assertThat(next).isEqualTo("/editor?restore=1");

            browser.logIn(server, "kept@example.org");
            editor.open(next);
            assertThat(editor.field(feed, 0).getAttribute("value")).isEqualTo(url);
            assertThat(browser.driver.findElement(By.id("pipe-title")).getAttribute("value")).isEqualTo("Kept through login");
            assertThat(browser.driver.findElements(By.cssSelector("#canvas g.wire[data-to='output']"))).hasSize(1);
            editor.click("save");
            browser.waiting().withMessage(editor::status).until(d -> !d.findElements(By.id("feed-url")).isEmpty());
            editor.noConsoleErrors();
        }
        ObjectMapper json = new ObjectMapper();
        String token = server.token("kept@example.org");
        JsonNode list = json.readTree(server.send("GET", "/api/pipes", token, null).body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("title").asText()).isEqualTo("Kept through login");
        JsonNode pipe = json.readTree(server.send("GET", "/api/pipes/" + list.get(0).get("id").asText(), token, null).body()).get("pipe");
        assertThat(pipe.toString()).contains(url);
    }
}
