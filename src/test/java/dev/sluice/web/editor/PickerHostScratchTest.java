package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class PickerHostScratchTest {
    @Test
    void picks() throws Exception {
        try (TestServer server = TestServer.forBrowser(Map.of()); Browser browser = Browser.open(); MockWebServer upstream = new MockWebServer()) {
            upstream.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return switch (request.getPath()) {
                        case "/shop" -> new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(InspectorBrowserTest.SHOP);
                        case "/broken.png" -> new MockResponse().setHeader("Content-Type", "image/png").setBody("not a png");
                        default -> new MockResponse().setResponseCode(404);
                    };
                }
            });
            upstream.start(java.net.InetAddress.getLoopbackAddress(), 0);
            browser.logIn(server, "a@example.org").go(server, "/mypipes");
            Object r = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1]; import('/static/editor/picker.js').then(m => { m.openPicker(arguments[0], s => { window.picked = s; }); done('ok'); }, e => done(String(e)))", upstream.url("/shop").toString());
            System.out.println("IMPORT " + r + browser.consoleErrors());
            WebElement frame = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".picker-overlay iframe")));
            browser.waiting().until(d -> d.findElement(By.cssSelector(".picker-status")).getText().startsWith("Click"));
            browser.driver.switchTo().frame(frame);
            List<WebElement> products = browser.driver.findElements(By.cssSelector("li.product"));
            products.get(0).click();
            products.get(2).click();
            System.out.println("TITLE " + browser.driver.executeScript("return document.title"));
            browser.driver.switchTo().defaultContent();
            browser.waiting().until(d -> d.findElement(By.cssSelector(".picker-status")).getText().equals("3 matches"));
            System.out.println("SELECTOR " + browser.driver.findElement(By.cssSelector(".picker-selector")).getDomProperty("value"));
            browser.screenshot("scratch-picker");
            browser.driver.findElement(By.cssSelector(".picker-use")).click();
            System.out.println("VALUE " + browser.driver.executeScript("return window.picked"));
            System.out.println("ERRORS " + browser.consoleErrors());
        }
    }
}
