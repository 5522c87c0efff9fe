package dev.sluice.block.control;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.guids;
import static dev.sluice.block.TestFeeds.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CombineBlockTest {

    private static final Feed RUST = new Feed(new Channel("Rust blog", "https://rust.example/", "Rust news",
            Instant.parse("2024-06-01T00:00:00Z"), "https://rust.example/logo.png"),
            List.of(item("r1", "Rust 1"), item("r2", "Rust 2")));
    private static final Feed GO = new Feed(new Channel("Go blog", "https://go.example/", "Go news",
            Instant.parse("2024-06-20T00:00:00Z"), null), List.of(item("g1", "Go 1")));
    private static final Feed UNTITLED = new Feed(new Channel("  ", "", "", null, null), List.of(item("u1", "U")));
    private static final Feed FAILED = Feed.EMPTY; // what a failed upstream delivers

    private static Value combine(Feed... inputs) {
        List<Value> values = Arrays.stream(inputs).map(f -> f == null ? null : (Value) new Value.Items(f)).toList();
        return CombineBlock.TYPE.block().run(callWithInputs(values), new TestContext());
    }

    static Stream<Arguments> titles() {
        return Stream.of(
                Arguments.of(new Feed[] {RUST, GO}, "Rust blog & Go blog", "r1 r2 g1"),
                Arguments.of(new Feed[] {GO, RUST}, "Go blog & Rust blog", "g1 r1 r2"),
                Arguments.of(new Feed[] {RUST, UNTITLED, GO}, "Rust blog & Go blog", "r1 r2 u1 g1"),
                Arguments.of(new Feed[] {FAILED, GO, RUST}, "Go blog & Rust blog", "g1 r1 r2"),
                Arguments.of(new Feed[] {RUST, null, GO, null}, "Rust blog & Go blog", "r1 r2 g1"),
                Arguments.of(new Feed[] {RUST}, "Rust blog", "r1 r2"),
                Arguments.of(new Feed[] {}, "", ""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("titles")
    void concatenatesInSlotOrderAndJoinsTitles(Feed[] inputs, String title, String guids) {
        Value out = combine(inputs);
        assertThat(feedOf(out).channel().title()).isEqualTo(title);
        assertThat(guids(out)).containsExactlyElementsOf(guids.isEmpty() ? List.of() : List.of(guids.split(" ")));
    }

    @Test
    void keepsItemsUnchangedJoinsDescriptionsAndTakesOtherChannelFieldsFromTheFirstThatHasThem() {
        // the description joins them all, as the title does (Pipes CE's " & ")
        Feed out = feedOf(combine(UNTITLED, GO, RUST));
        assertThat(out.items().get(1)).isSameAs(GO.items().get(0));
        Channel c = out.channel();
        assertThat(c.link()).isEqualTo("https://go.example/");
        assertThat(c.description()).isEqualTo("Go news & Rust news");
        assertThat(c.image()).isEqualTo("https://rust.example/logo.png");
        assertThat(c.updated()).isEqualTo(Instant.parse("2024-06-20T00:00:00Z")); // the latest
    }

    @Test
    void combinesLargeFeedsWithoutLosingItems() {
        Item[] many = new Item[500];
        for (int i = 0; i < many.length; i++) {
            many[i] = item("m" + i, "t" + i);
        }
        Feed big = new Feed(new Channel("Big", "", "", null, null), List.of(many));
        assertThat(feedOf(combine(big, RUST, big)).items()).hasSize(1002);
    }
}
