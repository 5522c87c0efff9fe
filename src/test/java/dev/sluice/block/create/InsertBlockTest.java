package dev.sluice.block.create;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feedOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.TestContext;
import dev.sluice.block.TestFeeds;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Insert: the first item of input 1 goes into the matches in every item of input 2. */
class InsertBlockTest {
    static final Item NOTICE = Item.builder().guid("n").content("<em>Notice</em>").build();
    static final Item POST = Item.builder().guid("p").title("Post").link("https://blog.example.org/p")
            .content("<div class=\"box\">old</div><p>text</p>").build();
    static final Item TEASER = Item.builder().guid("t").title("Teaser").description("<p>short</p>").build();

    private static Value notices() {
        return new Value.Items(TestFeeds.feed(NOTICE, TestFeeds.item("other", "Other")));
    }

    private static Value targets() {
        return new Value.Items(TestFeeds.feed("Blog", POST, TEASER));
    }

    private static Feed insert(TestContext ctx, Value inserted, Value target, Object... userinputs) {
        return feedOf(InsertBlock.TYPE.block().run(callWithInputs(Arrays.asList(inserted, target), userinputs), ctx));
    }

    private static Feed insert(Object... userinputs) {
        return insert(new TestContext(), notices(), targets(), userinputs);
    }

    @ParameterizedTest(name = "{0} replace={1}")
    @CsvSource(delimiter = '|', value = {
            "div.box|false|<div class=\"box\">old<em>Notice</em></div><p>text</p>|<p>short</p>",
            "div.box|true|<div class=\"box\"><em>Notice</em></div><p>text</p>|<p>short</p>",
            "//div[@class='box']|true|<div class=\"box\"><em>Notice</em></div><p>text</p>|<p>short</p>",
            "p|false|<div class=\"box\">old</div><p>text<em>Notice</em></p>|<p>short<em>Notice</em></p>",
            "xpath://p|true|<div class=\"box\">old</div><p><em>Notice</em></p>|<p><em>Notice</em></p>",
            "//p/text()|true|<div class=\"box\">old</div><p>text</p>|<p>short</p>",
            "h1|true|<div class=\"box\">old</div><p>text</p>|<p>short</p>",
    })
    void insertsIntoEveryMatch(String selector, boolean replace, String postContent, String teaserDescription) {
        Feed out = insert(selector, replace);
        assertThat(out.items()).extracting(Item::content).containsExactly(postContent, "");
        assertThat(out.items()).extracting(Item::description).containsExactly("", teaserDescription);
        assertThat(out.items()).extracting(Item::guid).containsExactly("p", "t");
        assertThat(out.channel().title()).isEqualTo("Blog");
    }

    @Test
    void itemsWithoutAMatchAreLeftAsTheyWere() {
        assertThat(insert("h1", false).items()).containsExactly(POST, TEASER);
    }

    @ParameterizedTest(name = "{0} replace={1}")
    @CsvSource(delimiter = '|', value = {
            // Pipes CE's XPaths into the feed's RSS name item fields.
            "//item/description|false|Post|<div class=\"box\">old</div><p>text</p>|<em>Notice</em>|<p>short</p><em>Notice</em>",
            "/rss/channel/item/description|true|Post|<div class=\"box\">old</div><p>text</p>|<em>Notice</em>|<em>Notice</em>",
            "//item/title|false|PostNotice|<div class=\"box\">old</div><p>text</p>||<p>short</p>",
            "//item/content:encoded|true|Post|<em>Notice</em>||<p>short</p>",
    })
    void pipesCeFeedPathsTargetItemFields(String selector, boolean replace, String postTitle, String postContent,
                                          String postDescription, String teaserDescription) {
        Feed out = insert(selector, replace);
        assertThat(out.items().get(0).title()).isEqualTo(postTitle);
        assertThat(out.items().get(0).content()).isEqualTo(postContent);
        assertThat(out.items().get(0).description()).isEqualTo(postDescription == null ? "" : postDescription);
        assertThat(out.items().get(1).description()).isEqualTo(teaserDescription == null ? "" : teaserDescription);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''|No target",
            "div[[|Invalid CSS selector \"div[[\"",
            "//div[|Invalid XPath \"//div[\"",
            "$.items|is a JSONPath",
    })
    void badSelectorsAreErrors(String selector, String message) {
        assertThatThrownBy(() -> insert(selector, false)).isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @Test
    void nothingToInsertPassesTheTargetThroughWithAWarning() {
        TestContext ctx = new TestContext();
        Feed out = insert(ctx, new Value.Items(Feed.EMPTY), targets(), "div.box", true);
        assertThat(out.items()).containsExactly(POST, TEASER);
        assertThat(ctx.warnings()).singleElement().asString().contains("Nothing to insert");
    }

    @Test
    void noTargetItemsGiveNoItems() {
        assertThat(insert(new TestContext(), notices(), new Value.Items(Feed.EMPTY), "div.box", true).items()).isEmpty();
    }

    @Test
    void anUnconnectedSecondInputIsAnErrorAsInPipesCe() {
        assertThatThrownBy(() -> insert(new TestContext(), notices(), null, "div.box", true))
                .isInstanceOf(BlockError.class).hasMessage(InsertBlock.NO_TARGET_FEED);
    }

    @Test
    void aPassedDeadlineStopsTheBlock() {
        assertThatThrownBy(() -> insert(TestContext.expired(), notices(), targets(), "div.box", true))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
