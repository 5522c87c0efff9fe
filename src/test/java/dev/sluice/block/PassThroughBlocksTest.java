package dev.sluice.block;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.control.DuplicateBlock;
import dev.sluice.block.output.OutputBlock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Duplicate and Output: both hand on their input as it came. */
class PassThroughBlocksTest {

    static Stream<Arguments> passThroughs() {
        return Stream.of(Arguments.of(DuplicateBlock.TYPE), Arguments.of(OutputBlock.TYPE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passThroughs")
    void handsOnItsInputUnchanged(BlockType type) {
        Value input = new Value.Items(feed(item("a", "A"), item("b", "B")));
        assertThat(type.block().run(callWithInputs(List.of(input)), new TestContext())).isSameAs(input);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passThroughs")
    void anUnconnectedInputGivesAnEmptyFeed(BlockType type) {
        assertThat(type.block().run(callWithInputs(Arrays.asList((Value) null)), new TestContext()))
                .isEqualTo(Value.Items.EMPTY);
        assertThat(type.block().run(callWithInputs(List.of()), new TestContext())).isEqualTo(Value.Items.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passThroughs")
    void doesNotThrowAwayAResultAfterTheDeadline(BlockType type) {
        Value input = new Value.Items(feed(item("a", "A")));
        assertThat(type.block().run(callWithInputs(List.of(input)), TestContext.expired())).isSameAs(input);
    }
}
