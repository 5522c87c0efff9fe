package dev.sluice.block.create;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feedOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockType;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.Deadline;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Download;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Downloaded documents that are feeds, hostile XML, and slow queries: how the Create blocks read
 * what the Download block hands them.
 */
class DocumentsAsFeedsTest {
    static final Value.Document BLOG = Fixtures.document("blog.xml", "application/rss+xml");

    private static List<Item> run(BlockType type, Value input, Object... userinputs) {
        return feedOf(type.block().run(callWithInputs(List.of(input), userinputs), new ParsingContext())).items();
    }

    @Test
    void extractStartingAtItemContentReadsADocumentAsAFeed() {
        assertThat(run(ExtractBlock.TYPE, BLOG, "div.box", "", true)).extracting(Item::content)
                .containsExactly("old box", "second box");
    }

    @Test
    void extractWithoutTheFlagSearchesTheDocumentItself() {
        // The raw RSS: its <title> elements, not the HTML inside the items.
        assertThat(run(ExtractBlock.TYPE, BLOG, "item > title", "", false)).extracting(Item::content)
                .containsExactly("Ferries", "Festival", "Notice");
        assertThat(run(ExtractBlock.TYPE, BLOG, "div.box", "", false)).isEmpty();
    }

    @Test
    void imagesAndTablesReadAnXmlDocumentAsAFeed() {
        assertThat(run(ImagesBlock.TYPE, BLOG)).extracting(Item::link).containsExactly(
                "https://harbour.example.org/today/img/ferry.jpg", "https://harbour.example.org/img/quay.png",
                "https://harbour.example.org/img/ferry.jpg");
        assertThat(run(TabletojsonBlock.TYPE, BLOG)).extracting(Item::content)
                .containsExactly("{\"Quay\":[\"06:00\"]}");
    }

    @Test
    void xmlEntitiesAreNeverResolvedFromFilesOrTheNetwork() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
                + "<r><v>&secret;</v></r>";
        Value.Document doc = new Value.Document(new Download(Fixtures.PAGE_URL, Fixtures.PAGE_URL, 200,
                "application/xml", xml.getBytes(StandardCharsets.UTF_8), Instant.now(), null, null));
        List<Item> items = run(ExtractBlock.TYPE, doc, "//v", "", false);
        // The reference stays text; nothing was read from the file.
        assertThat(items).extracting(Item::content).containsExactly("&amp;secret;");
    }

    @Test
    void aSlowXPathIsStoppedAtTheDeadline() {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<p>x</p>".repeat(20_000));
        Value.Document big = new Value.Document(new Download(Fixtures.PAGE_URL, Fixtures.PAGE_URL, 200, "text/html",
                html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8), Instant.now(), null, null));
        // Quadratic in the number of elements: minutes of work.
        TestContext ctx = new TestContext(Deadline.in(Duration.ofMillis(500)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> ExtractBlock.TYPE.block().run(
                callWithInputs(List.of(big), "count(//p[count(following::p) > count(preceding::p)])", "", false), ctx))
                .isInstanceOf(DeadlineExceeded.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
}
