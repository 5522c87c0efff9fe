package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.guids;
import static dev.sluice.block.TestFeeds.item;
import static dev.sluice.block.TestFeeds.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Category;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import dev.sluice.pattern.PatternError;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterBlockTest {

    /** Each item carries its distinctive word in exactly one field. */
    private static final Feed LANGUAGES = feed(
            item("t", "Rust 1.80 released"),
            Item.builder().guid("d").title("News").link("https://example.org/d")
                    .description("<p>All about <b>Java</b></p>").build(),
            Item.builder().guid("c").title("News").link("https://example.org/c").content("A deep dive into Go").build(),
            Item.builder().guid("l").title("News").link("https://example.org/python/news").build(),
            Item.builder().guid("a").title("News").link("https://example.org/a").author("Kotlin Fan").build(),
            Item.builder().guid("k").title("News").link("https://example.org/k")
                    .categories(List.of(Category.of("zig"))).build(),
            Item.builder().guid("kd").title("News").link("https://example.org/kd")
                    .categories(List.of(new Category("weekly", "https://ocaml.org/tags"))).build(),
            item("none", "Nothing to see"));

    static Stream<Arguments> keeping() {
        return Stream.of(
                Arguments.of("/rust/i", "title", "t"),
                Arguments.of("Rust", "title", "t"),
                Arguments.of("rust", "title", ""),               // literals are case-sensitive
                Arguments.of("Java", "title", ""),               // title does not look at the description
                Arguments.of("Java", "description", "d"),
                Arguments.of("Java", "summary", "d"),
                Arguments.of("<b>", "description", "d"),         // the field's HTML as stored
                Arguments.of("Go", "content", "c"),
                Arguments.of("python", "link", "l"),
                Arguments.of("/^kotlin/i", "author", "a"),
                Arguments.of("zig", "category", "k"),
                Arguments.of("ocaml", "category", "kd"),         // a category's domain counts too
                // all: Pipes CE's texts and categories, and the author too
                Arguments.of("/rust|java|\\bgo\\b|python|kotlin|zig|ocaml/i", "all", "t d c l a k kd"),
                Arguments.of("/rust|java|zig/i", "", "t d"),      // no field: the texts, not the categories
                Arguments.of("/RUST/i", "TITLE", "t"));           // choice values ignore case
    }

    @ParameterizedTest(name = "{0} in {1} keeps [{2}]")
    @MethodSource("keeping")
    void keepsItemsWhoseFieldMatches(String pattern, String field, String kept) {
        TestContext ctx = new TestContext();
        Value out = FilterBlock.TYPE.block().run(call(LANGUAGES, pattern, false, field), ctx);
        assertThat(guids(out)).containsExactlyElementsOf(list(kept));
        assertThat(ctx.drops()).hasSize(LANGUAGES.items().size() - list(kept).size());
    }

    @ParameterizedTest(name = "block {0} in {1} drops [{2}]")
    @MethodSource("keeping")
    void blockModeDropsTheSameItemsInstead(String pattern, String field, String matching) {
        TestContext ctx = new TestContext();
        Value out = FilterBlock.TYPE.block().run(call(LANGUAGES, pattern, true, field), ctx);
        assertThat(ctx.droppedGuids()).containsExactlyElementsOf(list(matching));
        assertThat(guids(out)).containsExactlyElementsOf(LANGUAGES.items().stream()
                .map(Item::guid).filter(g -> !list(matching).contains(g)).toList());
    }

    @Test
    void recordsWhyEachItemWasDropped() {
        TestContext keep = new TestContext();
        FilterBlock.TYPE.block().run(call(LANGUAGES, "/rust/i", false, "title"), keep);
        assertThat(keep.rules()).hasSize(7).containsOnly("title does not match /rust/i");

        TestContext all = new TestContext();
        FilterBlock.TYPE.block().run(call(LANGUAGES, "quantum", false, "all"), all);
        assertThat(all.rules()).hasSize(8).containsOnly("no field matches \"quantum\"");

        TestContext block = new TestContext();
        FilterBlock.TYPE.block().run(call(LANGUAGES, "/java|zig/i", true, "all"), block);
        assertThat(block.drops()).extracting(TestContext.Drop::rule).containsExactly(
                "description matches /java|zig/i (block)", "category matches /java|zig/i (block)");
    }

    @Test
    void anEmptyPatternPassesEverythingThrough() {
        TestContext ctx = new TestContext();
        Value out = FilterBlock.TYPE.block().run(call(LANGUAGES, "", true, "title"), ctx);
        assertThat(feedOf(out)).isSameAs(LANGUAGES);
        assertThat(ctx.drops()).isEmpty();
    }

    @Test
    void keepsTheChannelAndTheItemInstances() {
        Value out = FilterBlock.TYPE.block().run(call(LANGUAGES, "News", false, "title"), new TestContext());
        assertThat(feedOf(out).channel()).isEqualTo(LANGUAGES.channel());
        assertThat(feedOf(out).items().get(0)).isSameAs(LANGUAGES.items().get(1));
    }

    @Test
    void acceptsTheBlockFlagAsPipesCeStoredIt() {
        Value out = FilterBlock.TYPE.block().run(call(LANGUAGES, "News", "true", "title"), new TestContext());
        assertThat(guids(out)).containsExactly("t", "none");
    }

    @Test
    void anInvalidPatternIsAClearError() {
        assertThatThrownBy(() -> FilterBlock.TYPE.block().run(call(LANGUAGES, "/a(b/", false, "title"), new TestContext()))
                .isInstanceOf(PatternError.class)
                .hasMessage("Invalid pattern /a(b/: missing closing ) at position 3");
    }

    @Test
    void anUnknownFieldIsAClearError() {
        assertThatThrownBy(() -> FilterBlock.TYPE.block().run(call(LANGUAGES, "x", false, "body"), new TestContext()))
                .isInstanceOf(BlockError.class)
                .hasMessageStartingWith("Unknown field \"body\"; choose one of: all, content, summary, description");
    }
}
