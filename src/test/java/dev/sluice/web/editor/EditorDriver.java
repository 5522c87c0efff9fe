package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a person does in the editor, as steps for the browser tests: open, drag, connect, type, save. */
final class EditorDriver {
    final Browser browser;
    final TestServer server;

    EditorDriver(Browser browser, TestServer server) {
        this.browser = browser;
        this.server = server;
    }

    /** Opens an editor page and waits until it is usable. */
    EditorDriver open(String path) {
        browser.go(server, path);
        browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return this;
    }

    WebElement paletteEntry(String type) {
        return browser.driver.findElement(By.cssSelector(".palette-entry[data-type='" + type + "']"));
    }

    WebElement canvas() {
        return browser.driver.findElement(By.id("canvas"));
    }

    List<WebElement> blocks(String type) {
        return browser.driver.findElements(By.cssSelector("#canvas g.block[data-type='" + type + "']"));
    }

    WebElement block(String id) {
        return browser.driver.findElement(By.cssSelector("#canvas g.block[data-block-id='" + id + "']"));
    }

    /** Drags a palette entry onto the canvas, dropping it at (x, y) from the canvas's top-left corner; returns the new block's id. */
    String drag(String type, int x, int y) {
        int before = blocks(type).size();
        WebElement canvas = canvas();
        var r = canvas.getRect();
        new Actions(browser.driver).moveToElement(paletteEntry(type)).clickAndHold()
                .moveByOffset(20, 0).moveToLocation(r.getX() + x, r.getY() + y).release().perform();
        browser.waiting().until(d -> blocks(type).size() == before + 1);
        return selected();
    }

    /** The single selected block's id. */
    String selected() {
        return browser.driver.findElement(By.cssSelector("#canvas g.block.selected")).getAttribute("data-block-id");
    }

    WebElement port(String blockId, String port) {
        return block(blockId).findElement(By.cssSelector("circle.port[data-port='" + port + "']"));
    }

    /** Drags a connection from one port to another. */
    void connect(String fromId, String fromPort, String toId, String toPort) {
        new Actions(browser.driver).moveToElement(port(fromId, fromPort)).clickAndHold().moveByOffset(10, 10)
                .moveToElement(port(toId, toPort)).release().perform();
    }

    WebElement field(String blockId, int option) {
        return block(blockId).findElement(By.cssSelector("[data-option='" + option + "']"));
    }

    void type(String blockId, int option, String text) {
        WebElement f = field(blockId, option);
        f.click();
        f.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    String status() {
        return browser.driver.findElement(By.id("status")).getText();
    }

    void press(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** Ctrl + key (with Shift when asked), wherever the focus is. */
    void ctrl(String key, boolean shift) {
        Actions a = new Actions(browser.driver).keyDown(Keys.CONTROL);
        if (shift) {
            a = a.keyDown(Keys.SHIFT);
        }
        a = a.sendKeys(key);
        if (shift) {
            a = a.keyUp(Keys.SHIFT);
        }
        a.keyUp(Keys.CONTROL).perform();
    }

    void ctrl(String key) {
        ctrl(key, false);
    }

    void click(String id) {
        browser.driver.findElement(By.id(id)).click();
    }

    /** The pipe as the editor would save it (the inspector's editorApi.pipe(), through the JSON dialog). */
    String pipeJson() {
        click("json");
        String json = browser.driver.findElement(By.id("json-text")).getAttribute("value");
        click("json-close");
        return json;
    }

    /** Loads pipe JSON by pasting it into the JSON dialog. */
    void paste(String json) {
        click("json");
        WebElement text = browser.driver.findElement(By.id("json-text"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", text, json);
        click("json-load");
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("json-dialog")));
    }

    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }
}
