package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import dev.sluice.pattern.PatternError;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplaceBlockTest {

    private static final Item RUST = Item.builder()
            .guid("https://rust.example/1.80").link("https://rust.example/1.80")
            .title("Rust 1.80 is out").description("<p>Rust 1.80 news</p>").content("Rust content")
            .author("Rust team").build();
    private static final Feed FEED = feed(RUST);

    /** Expected: the item's title | description | content | link | guid after the replace. */
    static Stream<Arguments> replacements() {
        return Stream.of(
                Arguments.of("Rust", "Go", "all",
                        "Go 1.80 is out|<p>Go 1.80 news</p>|Go content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("Rust", "Go", "",
                        "Go 1.80 is out|<p>Go 1.80 news</p>|Go content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("Rust", "Go", "title",
                        "Go 1.80 is out|<p>Rust 1.80 news</p>|Rust content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("Rust", "Go", "description",
                        "Rust 1.80 is out|<p>Go 1.80 news</p>|Rust content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("Rust", "Go", "summary",
                        "Rust 1.80 is out|<p>Go 1.80 news</p>|Rust content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("Rust", "Go", "content",
                        "Rust 1.80 is out|<p>Rust 1.80 news</p>|Go content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("/^https:/", "http:", "link",
                        "Rust 1.80 is out|<p>Rust 1.80 news</p>|Rust content|http://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("/^https:/", "http:", "guid",
                        "Rust 1.80 is out|<p>Rust 1.80 news</p>|Rust content|https://rust.example/1.80|http://rust.example/1.80"),
                Arguments.of("/(\\d+)\\.(\\d+)/", "v\\1-\\2", "title",
                        "Rust v1-80 is out|<p>Rust 1.80 news</p>|Rust content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("/(\\d+)\\.(\\d+)/", "v$1-$2", "title",
                        "Rust v1-80 is out|<p>Rust 1.80 news</p>|Rust content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("/(?<major>\\d+)\\.(?<minor>\\d+)/", "${minor}.${major}", "title",
                        "Rust 80.1 is out|<p>Rust 1.80 news</p>|Rust content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("/(?<major>\\d+)\\.(?<minor>\\d+)/", "\\k<minor>", "title",
                        "Rust 80 is out|<p>Rust 1.80 news</p>|Rust content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("/<[^>]+>/", "", "description",
                        "Rust 1.80 is out|Rust 1.80 news|Rust content|https://rust.example/1.80|https://rust.example/1.80"),
                Arguments.of("/rust/i", "[\\0]", "all",
                        "[Rust] 1.80 is out|<p>[Rust] 1.80 news</p>|[Rust] content|https://rust.example/1.80|https://rust.example/1.80"));
    }

    @ParameterizedTest(name = "{0} -> {1} in {2}")
    @MethodSource("replacements")
    void replacesInTheChosenFields(String pattern, String replacement, String field, String expected) {
        Item out = feedOf(ReplaceBlock.TYPE.block().run(call(FEED, pattern, replacement, field), new TestContext()))
                .items().get(0);
        assertThat(String.join("|", out.title(), out.description(), out.content(), out.link(), out.guid()))
                .isEqualTo(expected);
        assertThat(out.author()).isEqualTo("Rust team"); // never touched
    }

    @Test
    void leavesUnmatchedItemsAndTheFeedAsTheyWere() {
        Value out = ReplaceBlock.TYPE.block().run(call(FEED, "quantum", "x", "all"), new TestContext());
        assertThat(feedOf(out)).isSameAs(FEED);

        Item other = Item.builder().guid("2").title("Go 1.23").build();
        Feed two = feed(RUST, other);
        Feed changed = feedOf(ReplaceBlock.TYPE.block().run(call(two, "Rust", "R", "title"), new TestContext()));
        assertThat(changed.items().get(0).title()).isEqualTo("R 1.80 is out");
        assertThat(changed.items().get(1)).isSameAs(other);
    }

    @Test
    void anEmptyPatternPassesThrough() {
        assertThat(feedOf(ReplaceBlock.TYPE.block().run(call(FEED, "", "x", "all"), new TestContext()))).isSameAs(FEED);
    }

    @Test
    void aReplacementNamingAMissingGroupFailsEvenOnAnEmptyFeed() {
        assertThatThrownBy(() -> ReplaceBlock.TYPE.block().run(call(feed(), "/(a)/", "\\k<b>", "all"), new TestContext()))
                .isInstanceOf(PatternError.class)
                .hasMessageContaining("refers to group <b>, which the pattern does not define");
    }
}
