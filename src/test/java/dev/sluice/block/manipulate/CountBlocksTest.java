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
import dev.sluice.block.BlockType;
import dev.sluice.block.TestContext;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Truncate (first N) and Tail (last N). */
class CountBlocksTest {

    private static final Feed FIVE = feed(item("1", "one"), item("2", "two"), item("3", "three"),
            item("4", "four"), item("5", "five"));

    static Stream<Arguments> counts() {
        return Stream.of(
                Arguments.of(TruncateBlock.TYPE, "2", "1 2", "3 4 5"),
                Arguments.of(TruncateBlock.TYPE, 2, "1 2", "3 4 5"),           // JSON number
                Arguments.of(TruncateBlock.TYPE, " 3 ", "1 2 3", "4 5"),
                Arguments.of(TruncateBlock.TYPE, "1", "1", "2 3 4 5"),
                Arguments.of(TruncateBlock.TYPE, "5", "1 2 3 4 5", ""),
                Arguments.of(TruncateBlock.TYPE, "50", "1 2 3 4 5", ""),
                Arguments.of(TailBlock.TYPE, "2", "4 5", "1 2 3"),
                Arguments.of(TailBlock.TYPE, 1, "5", "1 2 3 4"),
                Arguments.of(TailBlock.TYPE, "50", "1 2 3 4 5", ""));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("counts")
    void keepsNItemsAndReportsTheRest(BlockType type, Object count, String kept, String dropped) {
        TestContext ctx = new TestContext();
        assertThat(guids(type.block().run(call(FIVE, count), ctx))).containsExactlyElementsOf(list(kept));
        assertThat(ctx.droppedGuids()).containsExactlyElementsOf(list(dropped));
    }

    @Test
    void theRuleSaysWhichItemsWereKept() {
        TestContext truncate = new TestContext();
        TruncateBlock.TYPE.block().run(call(FIVE, "2"), truncate);
        assertThat(truncate.rules()).containsOnly("after the first 2 items");
        TestContext tail = new TestContext();
        TailBlock.TYPE.block().run(call(FIVE, "2"), tail);
        assertThat(tail.rules()).containsOnly("before the last 2 items");
    }

    /** Tail is Sluice's own: a count it cannot use is a clear error. */
    static Stream<Object> badCounts() {
        return Stream.of("0", 0, "-1", -5, "abc", "0.4", "NaN");
    }

    @ParameterizedTest(name = "[{index}] Tail {0}")
    @MethodSource("badCounts")
    void aTailCountBelowOneIsAClearError(Object count) {
        assertThatThrownBy(() -> TailBlock.TYPE.block().run(call(FIVE, count), new TestContext()))
                .isInstanceOf(BlockError.class)
                .hasMessageStartingWith("Count must be at least 1");
    }

    /** Truncate reads the count as Pipes CE did (Ruby's to_i) and keeps at least 1 item. */
    @ParameterizedTest(name = "[{index}] Truncate {0}")
    @MethodSource("badCounts")
    void aTruncateCountBelowOneKeepsOneItem(Object count) {
        assertThat(guids(TruncateBlock.TYPE.block().run(call(FIVE, count), new TestContext()))).containsExactly("1");
    }

    @Test
    void aBlankCountMeansOneForTruncateAsInPipesCeAndTenForTail() {
        Feed twelve = feed(IntStream.rangeClosed(1, 12).mapToObj(i -> item("g" + i, "t" + i)).toArray(Item[]::new));
        assertThat(guids(TruncateBlock.TYPE.block().run(call(twelve, ""), new TestContext()))).containsExactly("g1");
        assertThat(guids(TailBlock.TYPE.block().run(call(twelve), new TestContext()))).hasSize(10).endsWith("g12");
    }

    @Test
    void aShortFeedComesBackAsItWas() {
        assertThat(feedOf(TruncateBlock.TYPE.block().run(call(FIVE, "10"), new TestContext()))).isSameAs(FIVE);
        assertThat(feedOf(TailBlock.TYPE.block().run(call(FIVE, "10"), new TestContext()))).isSameAs(FIVE);
    }
}
