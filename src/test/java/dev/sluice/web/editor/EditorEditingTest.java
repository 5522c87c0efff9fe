package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Editing in the browser: undo/redo of every kind of edit, refused connections, selection, copy/paste. */
class EditorEditingTest {
    static TestServer server;
    Browser browser;
    EditorDriver editor;

    @BeforeAll
    static void start() {
        server = TestServer.forBrowser(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void open() {
        browser = Browser.open();
        browser.driver.manage().window().setSize(new Dimension(1400, 1200));
        editor = new EditorDriver(browser, server).open("/editor");
    }

    @AfterEach
    void close() {
        if (browser != null) {
            editor.noConsoleErrors();
            browser.close();
        }
    }

    String transform(String id) {
        return editor.block(id).getAttribute("transform");
    }

    List<WebElement> wiresInto(String id) {
        return browser.driver.findElements(By.cssSelector("#canvas g.wire[data-to='" + id + "']"));
    }

    @Test
    void everyEditUndoesAndRedoes() {
        // add
        String feed = editor.drag("FeedBlock", 150, 60);
        editor.ctrl("z");
        assertThat(editor.blocks("FeedBlock")).as("add undone").isEmpty();
        editor.ctrl("z", true);
        assertThat(editor.blocks("FeedBlock")).as("add redone").hasSize(1);
        assertThat(editor.blocks("FeedBlock").get(0).getAttribute("data-block-id")).isEqualTo(feed);

        // option edit
        editor.type(feed, 0, "http://127.0.0.1:9/a.xml");
        editor.click("undo");
        assertThat(editor.field(feed, 0).getAttribute("value")).as("option edit undone").isEmpty();
        editor.click("redo");
        assertThat(editor.field(feed, 0).getAttribute("value")).as("option edit redone").isEqualTo("http://127.0.0.1:9/a.xml");

        // move
        String before = transform(feed);
        EditorBuildTest.dragBlock(browser, editor, feed, 450, 120);
        String after = transform(feed);
        assertThat(after).isNotEqualTo(before);
        editor.ctrl("z");
        assertThat(transform(feed)).as("move undone").isEqualTo(before);
        editor.ctrl("y");
        assertThat(transform(feed)).as("move redone").isEqualTo(after);

        // connect
        editor.connect(feed, "out:0", "output", "in:0");
        assertThat(wiresInto("output")).hasSize(1);
        editor.ctrl("z");
        assertThat(wiresInto("output")).as("connect undone").isEmpty();
        editor.ctrl("y");
        assertThat(wiresInto("output")).as("connect redone").hasSize(1);

        // disconnect: pull the connection off the input and drop it on empty canvas
        var r = editor.canvas().getRect();
        new Actions(browser.driver).moveToElement(editor.port("output", "in:0")).clickAndHold().moveByOffset(15, 15)
                .moveToLocation(r.getX() + 60, r.getY() + r.getHeight() - 40).release().perform();
        assertThat(wiresInto("output")).as("disconnected").isEmpty();
        editor.ctrl("z");
        assertThat(wiresInto("output")).as("disconnect undone").hasSize(1);
        editor.ctrl("y");
        assertThat(wiresInto("output")).as("disconnect redone").isEmpty();
        editor.ctrl("z");

        // delete (Delete key), which also takes its connection
        editor.block(feed).findElement(By.cssSelector("rect.head")).click();
        editor.press(Keys.DELETE);
        assertThat(editor.blocks("FeedBlock")).as("deleted").isEmpty();
        assertThat(wiresInto("output")).isEmpty();
        editor.click("undo");
        assertThat(editor.blocks("FeedBlock")).as("delete undone").hasSize(1);
        assertThat(wiresInto("output")).as("its connection is back too").hasSize(1);
        editor.click("redo");
        assertThat(editor.blocks("FeedBlock")).as("delete redone").isEmpty();
        browser.screenshot("editor-undo-redo");
    }

    @Test
    void anIncompatibleConnectionIsRefusedWithItsReason() {
        String data = editor.drag("WateredDownloadBlock", 150, 60);
        String sort = editor.drag("SortBlock", 450, 60);
        String feed = editor.drag("FeedBlock", 150, 260);
        String other = editor.drag("FeedBlock", 450, 260);

        editor.connect(data, "out:0", sort, "in:0");
        assertThat(editor.status()).contains("Not connected").contains("Sort takes a feed, not data");
        assertThat(wiresInto(sort)).isEmpty();
        assertThat(browser.driver.findElement(By.id("status")).getAttribute("data-kind")).isEqualTo("error");

        editor.connect(feed, "out:0", other, "text:0");
        assertThat(editor.status()).contains("text connector takes text");
        assertThat(wiresInto(other)).isEmpty();
        browser.screenshot("editor-refused");

        // Click-click: while an output is picked, compatible ports are marked, others dimmed.
        editor.port(feed, "out:0").click();
        assertThat(editor.port(sort, "in:0").getAttribute("class")).contains("compatible");
        assertThat(editor.port(other, "text:0").getAttribute("class")).contains("incompatible");
        editor.port(sort, "in:0").click();
        assertThat(wiresInto(sort)).hasSize(1);
    }

    @Test
    void anInputHoldsOneConnectionAndANewOneReplacesIt() {
        String first = editor.drag("FeedBlock", 150, 60);
        String second = editor.drag("FeedBlock", 450, 60);
        editor.connect(first, "out:0", "output", "in:0");
        editor.connect(second, "out:0", "output", "in:0");
        assertThat(wiresInto("output")).hasSize(1);
        assertThat(wiresInto("output").get(0).getAttribute("data-from")).isEqualTo(second);
    }

    @Test
    void rubberBandSelectionCopiesAndPastesWithNewIds() {
        String a = editor.drag("FeedBlock", 150, 80);
        String b = editor.drag("UniqueBlock", 400, 80);
        editor.connect(a, "out:0", b, "in:0");
        var r = editor.canvas().getRect();
        new Actions(browser.driver).moveToLocation(r.getX() + 20, r.getY() + 20).clickAndHold()
                .moveByOffset(50, 50).moveToLocation(r.getX() + 560, r.getY() + 200).release().perform();
        assertThat(browser.driver.findElements(By.cssSelector("#canvas g.block.selected"))).hasSize(2);
        editor.ctrl("c");
        editor.ctrl("v");
        assertThat(editor.blocks("FeedBlock")).hasSize(2);
        assertThat(editor.blocks("UniqueBlock")).hasSize(2);
        var pasted = browser.driver.findElements(By.cssSelector("#canvas g.block.selected")).stream()
                .map(e -> e.getAttribute("data-block-id")).toList();
        assertThat(pasted).hasSize(2).doesNotContain(a, b).allMatch(id -> id.matches("[0-9a-f]{10}"));
        assertThat(browser.driver.findElements(By.cssSelector("#canvas g.wire"))).as("the copied connection comes along").hasSize(2);

        // Arrow keys move the selection; Delete removes it.
        String before = transform(pasted.get(0));
        editor.press(Keys.ARROW_RIGHT);
        assertThat(transform(pasted.get(0))).isNotEqualTo(before);
        editor.press(Keys.DELETE);
        assertThat(editor.blocks("FeedBlock")).hasSize(1);
    }

    @Test
    void aBlockDroppedOnTheTrashIsDeleted() {
        String feed = editor.drag("FeedBlock", 200, 80);
        var trash = browser.driver.findElement(By.id("trash")).getRect();
        new Actions(browser.driver).moveToElement(editor.block(feed).findElement(By.cssSelector("rect.head"))).clickAndHold()
                .moveByOffset(20, 20).moveToLocation(trash.getX() + trash.getWidth() / 2, trash.getY() + trash.getHeight() / 2)
                .release().perform();
        assertThat(editor.blocks("FeedBlock")).isEmpty();
        editor.click("undo");
        assertThat(editor.blocks("FeedBlock")).hasSize(1);
    }

    @Test
    void zoomAndFitBringEveryBlockIntoView() {
        String viewport = "#canvas g.viewport";
        String before = browser.driver.findElement(By.cssSelector(viewport)).getAttribute("transform");
        editor.click("zoom-in");
        assertThat(browser.driver.findElement(By.cssSelector(viewport)).getAttribute("transform")).isNotEqualTo(before);
        editor.paste("{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":4000,\"y\":3000,\"inputs\":[{}]},"
                + "{\"id\":\"far0000001\",\"type\":\"UniqueBlock\",\"x\":-2000,\"y\":-1500,\"inputs\":[{}]}]}");
        var canvas = editor.canvas().getRect();
        for (String id : new String[] {"output", "far0000001"}) {
            var r = editor.block(id).getRect();
            assertThat(r.getX()).as(id).isBetween(canvas.getX(), canvas.getX() + canvas.getWidth());
            assertThat(r.getY()).as(id).isBetween(canvas.getY(), canvas.getY() + canvas.getHeight());
        }
    }

    @Test
    void unsavedWorkIsGuardedAndKeptAsADraft() {
        String feed = editor.drag("FeedBlock", 200, 80);
        editor.type(feed, 0, "http://127.0.0.1:9/draft.xml");
        Object guarded = browser.driver.executeScript(
                "return !window.dispatchEvent(new Event('beforeunload', {cancelable: true}));");
        assertThat(guarded).as("leaving with unsaved changes asks first").isEqualTo(true);

        // Leaving at once, before the autosave delay has passed: the page writes the draft as it goes.
        // A new visit to the editor offers the draft instead of forcing it on the user.
        editor.noConsoleErrors();
        browser.driver.get("about:blank");
        if (browser.openDialog() != null) {
            browser.driver.switchTo().alert().accept();
        }
        editor.open("/editor");
        assertThat(editor.blocks("FeedBlock")).isEmpty();
        browser.driver.findElement(By.id("restore-draft")).click();
        assertThat(editor.blocks("FeedBlock")).hasSize(1);
        assertThat(editor.field(feed, 0).getAttribute("value")).isEqualTo("http://127.0.0.1:9/draft.xml");
    }
}
