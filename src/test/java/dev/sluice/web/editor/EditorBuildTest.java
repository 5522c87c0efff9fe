package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Bench pipe P2 (4 Feed → Combine → Sort → Unique → Truncate → Output) built from scratch in the
 * editor with mouse and keyboard, saved, and its feed compared with the reference P2 JSON saved
 * through the API.
 */
class EditorBuildTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;
    static BenchServer upstream;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.forBrowser(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    @Test
    void p2BuiltInTheEditorGivesTheReferenceFeed() throws Exception {
        String id;
        try (Browser browser = Browser.open()) {
            browser.driver.manage().window().setSize(new Dimension(1400, 1200));
            browser.logIn(server, "builder@example.org");
            EditorDriver editor = new EditorDriver(browser, server).open("/editor");
            editor.click("zoom-out");
            dragBlock(browser, editor, "output", 1000, 520);

            List<String> feeds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                feeds.add(editor.drag("FeedBlock", 110 + 210 * i, 40));
                editor.type(feeds.get(i), 0, upstream.fastUrl(i + 1, "F" + (i + 1) + ".xml"));
            }
            String combine = editor.drag("CombineBlock", 420, 180);
            String sort = editor.drag("SortBlock", 200, 300);
            // Unique from the keyboard: focus its palette entry, Enter adds it; then put it in place.
            editor.paletteEntry("UniqueBlock").sendKeys(Keys.ENTER);
            browser.waiting().until(d -> editor.blocks("UniqueBlock").size() == 1);
            String unique = editor.blocks("UniqueBlock").get(0).getAttribute("data-block-id");
            dragBlock(browser, editor, unique, 450, 330);
            String truncate = editor.drag("TruncateBlock", 700, 300);

            for (int i = 0; i < 4; i++) {
                editor.connect(feeds.get(i), "out:0", combine, "in:" + i);
                assertThat(editor.block(combine).findElements(By.cssSelector("circle.port-in"))).as("Combine grows an input as they fill").hasSize(i + 2);
            }
            editor.connect(combine, "out:0", sort, "in:0");
            editor.connect(sort, "out:0", unique, "in:0");
            editor.connect(unique, "out:0", truncate, "in:0");
            editor.connect(truncate, "out:0", "output", "in:0");
            assertThat(browser.driver.findElements(By.cssSelector("#canvas g.wire"))).hasSize(8);

            new Select(editor.field(sort, 0)).selectByValue("updated");
            new Select(editor.field(sort, 1)).selectByValue("desc");
            editor.type(truncate, 0, "50");
            browser.driver.findElement(By.id("pipe-title")).sendKeys("P2 from the editor");
            editor.ctrl("s");
            browser.waiting().withMessage(editor::status).until(d -> !d.findElements(By.id("feed-url")).isEmpty());
            browser.screenshot("editor-p2");
            String feedUrl = browser.driver.findElement(By.id("feed-url")).getAttribute("href");
            assertThat(browser.driver.getCurrentUrl()).as("the address names the saved pipe").matches(".*/editor/[^/?]+$");
            id = browser.driver.getCurrentUrl().replaceAll(".*/editor/", "");
            assertThat(feedUrl).contains("/feed/" + id);
            editor.noConsoleErrors();
        }

        String reference = upstream.rewrite(new String(getClass().getResourceAsStream("/bench/pipes/P2.json").readAllBytes(), StandardCharsets.UTF_8));
        var response = server.send("POST", "/api/pipes", server.token("builder@example.org"),
                JSON.createObjectNode().put("title", "P2 reference").set("pipe", JSON.readTree(reference)).toString());
        assertThat(response.statusCode()).isEqualTo(201);
        String referenceId = JSON.readTree(response.body()).get("id").asText();

        JsonNode built = items(id);
        JsonNode expected = items(referenceId);
        assertThat(expected.size()).as("the reference feed has items").isGreaterThan(10);
        assertThat(built).isEqualTo(expected);
    }

    /** A pipe's output items as JSON Feed, fetched as its owner. */
    private static JsonNode items(String pipeId) throws Exception {
        var r = server.send("GET", "/feed/" + pipeId + ".json", server.token("builder@example.org"), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("items");
    }

    /** Drags a block by its title bar so its title bar's middle lands at (x, y) of the canvas. */
    static void dragBlock(Browser browser, EditorDriver editor, String id, int x, int y) {
        WebElement head = editor.block(id).findElement(By.cssSelector("rect.head"));
        var r = editor.canvas().getRect();
        new Actions(browser.driver).moveToElement(head).clickAndHold().moveByOffset(10, 10)
                .moveToLocation(r.getX() + x, r.getY() + y).release().perform();
    }
}
