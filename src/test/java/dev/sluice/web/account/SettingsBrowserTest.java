package dev.sluice.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.PipeRepository;
import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The settings page in a real browser: it works by its forms alone, fits a phone, and logs no errors. */
class SettingsBrowserTest {
    static final String ME = "browser@example.org";

    @Test
    void settingsWorkInABrowserWithoutScriptsAndFitAPhone() throws Exception {
        try (TestServer server = TestServer.forBrowser(Map.of()); Browser browser = Browser.open()) {
            var me = server.sluice.users().findOrCreate(ME);
            server.sluice.pipes().create(me, new PipeRepository.Draft("A pipe", "", Pipes.EMPTY, false, List.of()));
            browser.logIn(server, ME).go(server, "/settings");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Settings");

            // A token made through the form is shown once, on the page the form leads back to.
            browser.driver.findElement(By.id("token-name")).sendKeys("my reader");
            browser.driver.findElement(By.cssSelector("#tokens form[action='/settings/tokens'] button")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
            assertThat(browser.driver.findElement(By.id("new-token")).getAttribute("value")).startsWith("slu_");
            assertThat(browser.driver.findElements(By.cssSelector("table.tokens tbody tr"))).hasSize(1);
            browser.screenshot("settings");
            assertThat(browser.consoleErrors()).isEmpty();

            browser.width(360);
            browser.go(server, "/settings");
            Object overflow = browser.driver.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow).as("the page scrolls sideways at 360 px").isEqualTo(false);
            browser.screenshot("settings-360");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
