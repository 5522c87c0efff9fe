package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The editor page itself: who may open what, and that it comes up in a real browser without errors. */
class EditorPageTest {
    static final String PIPE = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":500,\"y\":300,\"name\":\"Output\","
            + "\"userinputs\":[\"\"],\"inputs\":[{\"from\":\"a1b2c3d4e5\",\"from_output_slot\":0}],\"textinputs\":[]},"
            + "{\"id\":\"a1b2c3d4e5\",\"type\":\"FeedBlock\",\"x\":100,\"y\":100,\"name\":\"My feed\","
            + "\"userinputs\":[\"http://127.0.0.1:9/feed.xml\"],\"inputs\":[],\"textinputs\":[{}]}]}";

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
    void aPrivatePipesEditorIsItsOwnersAlone() {
        var pipe = server.save("owner@example.org", "Mine", PIPE, false);
        assertThat(server.get("/editor/" + pipe.id()).statusCode()).isEqualTo(404);
        assertThat(server.get("/editor/" + pipe.id()).body()).doesNotContain("Mine");
        assertThat(server.get("/editor/no-such-pipe").statusCode()).isEqualTo(404);
        assertThat(server.get("/editor").statusCode()).isEqualTo(200);
        assertThat(server.get("/editor").headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    @Test
    void theEmptyEditorOffersThePaletteByCategory() {
        try (Browser browser = Browser.open()) {
            EditorDriver editor = new EditorDriver(browser, server).open("/editor");
            var headings = browser.driver.findElements(By.cssSelector("#palette h2")).stream().map(e -> e.getText().toLowerCase()).toList();
            assertThat(headings).containsSubsequence("inputs", "manipulate", "control", "create", "data");
            assertThat(editor.paletteEntry("FeedBlock").getAttribute("aria-describedby")).isNotBlank();
            assertThat(browser.driver.findElements(By.cssSelector(".palette-entry[data-type='TwitterBlock']"))).as("dead services are not offered").isEmpty();
            assertThat(editor.blocks("OutputBlock")).hasSize(1);
            browser.screenshot("editor-empty");
            editor.noConsoleErrors();
        }
    }

    @Test
    void theOwnerOpensTheirPipeWithItsBlocksAndConnections() {
        var pipe = server.save("owner@example.org", "Drawn", PIPE, false);
        try (Browser browser = Browser.open()) {
            browser.logIn(server, "owner@example.org");
            EditorDriver editor = new EditorDriver(browser, server).open("/editor/" + pipe.id());
            assertThat(browser.driver.findElement(By.id("pipe-title")).getAttribute("value")).isEqualTo("Drawn");
            assertThat(editor.field("a1b2c3d4e5", 0).getAttribute("value")).isEqualTo("http://127.0.0.1:9/feed.xml");
            assertThat(browser.driver.findElements(By.cssSelector("#canvas g.wire[data-from='a1b2c3d4e5'][data-to='output']"))).hasSize(1);
            assertThat(editor.port("a1b2c3d4e5", "text:0").getAttribute("data-kind")).isEqualTo("text");
            assertThat(editor.port("output", "in:0").getAttribute("data-kind")).contains("feed");
            assertThat(browser.driver.findElement(By.id("feed-url")).getText()).contains("/feed/" + pipe.id());
            browser.screenshot("editor-loaded");
            editor.noConsoleErrors();
        }
    }

    @Test
    void someoneElsesPublicPipeOpensAsACopyWithFreshWebhooks() throws Exception {
        String withHook = PIPE.replace("]}]}", "]},{\"id\":\"0123456789\",\"type\":\"WebhookBlock\",\"x\":100,\"y\":300,"
                + "\"name\":\"Hook\",\"userinputs\":[\"\",\"hook-secret-5a1t\"],\"inputs\":[],\"textinputs\":[]}]}");
        var pipe = server.save("author@example.org", "Shared", withHook, true);
        for (String path : new String[] {"/editor/" + pipe.id(), "/editor?fork=" + pipe.id()}) {
            try (Browser browser = Browser.open()) {
                browser.logIn(server, "reader@example.org");
                EditorDriver editor = new EditorDriver(browser, server).open(path);
                assertThat(browser.driver.findElement(By.id("pipe-title")).getAttribute("value")).isEqualTo("Copy of Shared");
                assertThat(editor.blocks("WebhookBlock")).hasSize(1);
                String hookId = editor.blocks("WebhookBlock").get(0).getAttribute("data-block-id");
                assertThat(hookId).as(path).isNotEqualTo("0123456789").matches("[0-9a-f]{10}");
                assertThat(editor.field(hookId, 1).getAttribute("value")).isEmpty();
                editor.click("save");
                browser.waiting().withMessage(editor::status).until(d -> !d.findElements(By.id("feed-url")).isEmpty());
                String copy = browser.driver.getCurrentUrl().replaceAll(".*/editor/", "");
                assertThat(copy).isNotEqualTo(pipe.id());
                assertThat(server.sluice.pipeRepository().find(copy).orElseThrow().title()).isEqualTo("Copy of Shared");
                editor.noConsoleErrors();
            }
        }
        assertThat(server.sluice.pipeRepository().find(pipe.id()).orElseThrow().json()).contains("hook-secret-5a1t");
    }

    @Test
    void theOwnerSavesTheirPipeAsANewVersionOfTheSamePipe() {
        var pipe = server.save("owner@example.org", "Versioned", PIPE, false);
        try (Browser browser = Browser.open()) {
            browser.logIn(server, "owner@example.org");
            EditorDriver editor = new EditorDriver(browser, server).open("/editor/" + pipe.id());
            editor.type("a1b2c3d4e5", 0, "http://127.0.0.1:9/changed.xml");
            editor.ctrl("s");
            browser.waiting().withMessage(editor::status).until(d -> editor.status().contains("version 2"));
            editor.noConsoleErrors();
        }
        var saved = server.sluice.pipeRepository().find(pipe.id()).orElseThrow();
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.json()).contains("changed.xml").contains("\"x\":100");
    }
}
