package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The browser harness itself: a logged-in browser sees its own pipes page, without console errors. */
class BrowserSmokeTest {
    @Test
    void aLoggedInBrowserSeesItsPipesPage() {
        try (TestServer server = TestServer.forBrowser(Map.of()); Browser browser = Browser.open()) {
            browser.logIn(server, "ada@example.org").go(server, "/mypipes");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/mypipes");
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("ada@example.org");
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.screenshot("smoke-mypipes")).exists();
        }
    }
}
