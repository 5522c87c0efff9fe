package dev.sluice.testing;

import dev.sluice.auth.Sessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromium-driver, for tests of
 * what a user sees in a real browser. Both binaries are named explicitly, so Selenium Manager
 * never downloads anything. Where they are missing the test is skipped with a notice on
 * standard error — except under CI ({@code CI} set), where a missing browser fails the test.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SLUICE_TEST_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getenv().getOrDefault("SLUICE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Where screenshots go (the issues ask for them there). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh headless browser, 1280×900; skips (or, under CI, fails) the test when there is none. */
    public static Browser open() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(DRIVER) ? DRIVER.toString() : null;
        if (missing != null) {
            String notice = "Browser test skipped: " + missing + " is missing (apt-get install -y chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                Assertions.fail(notice.replace("skipped", "failed under CI"));
            }
            System.err.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /** Opens {@code path} on {@code server}. */
    public Browser go(TestServer server, String path) {
        driver.get(server.url(path));
        return this;
    }

    /** Logs the browser in as {@code email} on {@code server} (a real session, set as its cookie). */
    public Browser logIn(TestServer server, String email) {
        driver.get(server.url("/healthz"));
        driver.manage().addCookie(new Cookie.Builder(Sessions.COOKIE, server.session(email)).path("/").isHttpOnly(true).build());
        return this;
    }

    public Browser width(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, 900));
        return this;
    }

    /** A wait of up to 10 s for a condition. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** The visible texts of the elements matching {@code css}, read in one step (a pane may re-render meanwhile). */
    @SuppressWarnings("unchecked")
    public List<String> texts(String css) {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())", css);
    }

    /** Writes a screenshot of the current page to {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console messages at error level since the last call (the browser hands each out once). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The text of an open alert/confirm/prompt dialog, or null when none is open. */
    public String openDialog() {
        try {
            return driver.switchTo().alert().getText();
        } catch (NoAlertPresentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
