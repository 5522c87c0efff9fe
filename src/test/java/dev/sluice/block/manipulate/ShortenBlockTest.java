package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.TestContext;
import dev.sluice.block.TestFeeds;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortenBlockTest {

    private static Item shorten(Item item, Object length, String field) {
        return feedOf(ShortenBlock.TYPE.block().run(call(feed(item), length, field), new TestContext())).items().get(0);
    }

    private static String shortenDescription(String html, int length) {
        return shorten(Item.builder().guid("g").description(html).build(), String.valueOf(length), "description")
                .description();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', value = {
            // input | length | output
            "Hello wonderful world | 10 | Hello won…",
            "Hello wonderful world | 7  | Hello…",          // no dangling space before the ellipsis
            "Hello                 | 5  | Hello",           // fits exactly: unchanged
            "Hello                 | 1  | …",
            "Fish &amp; chips are great | 7 | Fish &amp;…", // an entity is one character, kept whole
            "<p>Read <a href=\"https://example.org/a?x=1&amp;y=2\">the full story</a> now</p> | 12"
                    + " | <p>Read <a href=\"https://example.org/a?x=1&amp;y=2\">the fu…</a></p>",
            "<p>One</p><p>Two</p><p>Three</p> | 7 | <p>One</p><p>Two…</p>",
            "<p>Short</p><img src=\"x.png\"><p>and more text</p> | 7 | <p>Short</p><img src=\"x.png\"><p>a…</p>",
            "<p>Short</p><img src=\"x.png\"><p>and more text</p> | 6 | <p>Short…</p>",
            "<ul><li><b>bold <i>and italic</i></b> tail</li></ul> | 10 | <ul><li><b>bold <i>and…</i></b></li></ul>",
            "<p>Sehr schöne Grüße aus Köln</p> | 11 | <p>Sehr schön…</p>",
            "😀😀😀😀😀 | 3 | 😀😀…"})                       // never split a surrogate pair
    void shortensTheDescriptionByVisibleCharacters(String input, int length, String expected) {
        assertThat(shortenDescription(input, length)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<p>Visit <a href=\"https://example.org/long/path?a=1&amp;b=2\" title=\"A &amp; B\">our page</a></p>",
            "Tom &amp; Jerry &lt;3 &quot;cartoons&quot; &#x263A; forever and ever",
            "<div><p>a <em>b <strong>c d e f g h</strong> i</em> j</p><p>k l m</p></div>"})
    void neverBreaksATagOrAnEntityAtAnyLength(String html) {
        int visible = visibleText(html).length();
        for (int length = 1; length < visible; length++) {
            String out = shortenDescription(html, length);
            var doc = Jsoup.parseBodyFragment(out);
            doc.outputSettings().prettyPrint(false);
            String reparsed = doc.body().html();
            assertThat(reparsed).as("balanced markup at %d", length).isEqualTo(out);
            assertThat(visibleText(out)).as("visible text at %d", length)
                    .endsWith("…").hasSizeLessThanOrEqualTo(length);
            assertThat(out).doesNotContainPattern("&[a-z#0-9]*…");
        }
    }

    /** The characters a reader sees: the text of every text node, tags and entities resolved. */
    private static String visibleText(String html) {
        return Jsoup.parseBodyFragment(html).body().nodeStream(TextNode.class)
                .map(TextNode::text).collect(Collectors.joining());
    }

    @Test
    void shortensTheChosenField() {
        Item item = Item.builder().guid("g").title("A rather long title").description("A rather long description")
                .content("<p>A rather long content</p>").build();
        assertThat(shorten(item, "8", "title").title()).isEqualTo("A rathe…");
        assertThat(shorten(item, "8", "title").description()).isEqualTo(item.description());
        assertThat(shorten(item, "8", "content").content()).isEqualTo("<p>A rathe…</p>");
        assertThat(shorten(item, "8", "summary").description()).isEqualTo("A rathe…");
        // default: content, the first entry of Pipes CE's list
        assertThat(shorten(item, "8", "").content()).isEqualTo("<p>A rathe…</p>");
        assertThat(shorten(item, "8", "").description()).isEqualTo(item.description());
    }

    @Test
    void aTitleIsPlainText() {
        Item item = Item.builder().guid("g").title("Use <b> for bold & more").build();
        assertThat(shorten(item, "10", "title").title()).isEqualTo("Use <b> f…");
    }

    @Test
    void theDefaultLengthIs200() {
        Item item = Item.builder().guid("g").description("x".repeat(300)).build();
        assertThat(shorten(item, "", "description").description()).hasSize(200).endsWith("…");
    }

    @Test
    void itemsThatFitAreLeftAsTheyWere() {
        Item fits = Item.builder().guid("a").description("<p>short &amp; sweet</p>").build();
        Item fitsVisibly = Item.builder().guid("b").description("<p><a href=\"https://example.org/very/long/url\">ok</a></p>").build();
        Feed feed = feed(fits, fitsVisibly);
        Feed out = feedOf(ShortenBlock.TYPE.block().run(call(feed, "20", "description"), new TestContext()));
        assertThat(out).isSameAs(feed);
    }

    @Test
    void theLengthMayComeFromATextInput() {
        Item item = Item.builder().guid("g").description("Hello wonderful world").build();
        var call = call(feed(item), "200", "description");
        var overridden = new dev.sluice.block.BlockCall(call.blockId(), call.blockName(),
                call.options().with(ShortenBlock.LENGTH, "6"), call.inputs());
        assertThat(feedOf(ShortenBlock.TYPE.block().run(overridden, new TestContext())).items().get(0).description())
                .isEqualTo("Hello…");
    }

    /** Pipes CE read the length with Ruby's to_i, and its truncation left text alone at 0. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"0", "abc", "0.9"})
    void aZeroLengthLeavesItemsAlone(String length) {
        Feed feed = feed(Item.builder().guid("g").title("A rather long title").build());
        assertThat(feedOf(ShortenBlock.TYPE.block().run(call(feed, length, "title"), new TestContext()))).isSameAs(feed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-3", "-12abc"})
    void aNegativeLengthIsAClearError(String length) {
        assertThatThrownBy(() -> ShortenBlock.TYPE.block().run(call(TestFeeds.feed(), length, "title"), new TestContext()))
                .isInstanceOf(BlockError.class)
                .hasMessageStartingWith("Length must be at least 1");
    }
}
