package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.article.ArticleServer;
import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * A newcomer builds Feed → Full text → Output in the editor with the mouse, reads the block's help
 * in the palette, and sees in the inspector the articles the feed only teased — from a stand-in
 * news site on loopback, in headless Chromium.
 */
class FulltextBrowserTest {

    @Test
    void aFeedOfTeasersBuiltIntoAFullTextPipeShowsTheArticlesInTheInspector() throws Exception {
        try (ArticleServer site = new ArticleServer();
             TestServer server = TestServer.forBrowser(Map.of());
             Browser browser = Browser.open()) {
            site.feed(List.of(List.of("Pier vote", site.url("/article/news"), "Read the whole story on our site."),
                    List.of("Night photography", site.url("/article/images"), "Read the whole story on our site.")));
            browser.driver.manage().window().setSize(new Dimension(1400, 1200));
            browser.logIn(server, "fulltext@example.org");
            EditorDriver editor = new EditorDriver(browser, server).open("/editor");

            assertThat(browser.driver.findElement(By.id("help-FulltextBlock")).getAttribute("textContent"))
                    .contains("Readability", "site rule", "leaves its item as it was");
            String feed = editor.drag("FeedBlock", 120, 80);
            editor.type(feed, 0, site.url("/feed.xml"));
            String full = editor.drag("FulltextBlock", 420, 220);
            EditorBuildTest.dragBlock(browser, editor, "output", 760, 360);
            editor.connect(feed, "out:0", full, "in:0");
            editor.connect(full, "out:0", "output", "in:0");
            assertThat(browser.driver.findElements(By.cssSelector("#canvas g.wire"))).hasSize(2);

            editor.block(full).findElement(By.cssSelector("rect.head")).click();
            browser.waiting().withMessage(() -> String.join(" | ", browser.texts("#inspector *")))
                    .until(d -> browser.texts("#inspector .inspector-snippet").size() == 2);
            List<String> snippets = browser.texts("#inspector .inspector-snippet");
            assertThat(snippets.get(0)).contains("The town council voted by nine votes to four").doesNotContain("Read the whole story");
            assertThat(snippets.get(1)).contains("I spent the first week of the new moon camped beside the reservoir");
            assertThat(browser.texts("#inspector .inspector-timing")).anySatisfy(t -> assertThat(t).contains("2 in → 2 out"));

            browser.driver.findElement(By.cssSelector("#inspector button[data-view='json']")).click();
            browser.waiting().until(d -> browser.texts("#inspector .inspector-raw").stream()
                    .anyMatch(t -> t.contains("Work is expected to start in October")));
            assertThat(String.join("", browser.texts("#inspector .inspector-raw")))
                    .contains("https://photos.example.org/journal/2024/moor/milky-way.jpg")
                    .doesNotContain("Accept all cookies", "onerror");
            browser.screenshot("editor-full-text");
            editor.noConsoleErrors();
        }
    }
}
