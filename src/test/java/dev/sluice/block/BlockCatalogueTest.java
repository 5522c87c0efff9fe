package dev.sluice.block;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.article.FulltextBlock;
import dev.sluice.block.control.CombineBlock;
import dev.sluice.block.control.DuplicateBlock;
import dev.sluice.block.input.WebhookBlock;
import dev.sluice.block.manipulate.FilterBlock;
import dev.sluice.block.manipulate.ReplaceBlock;
import dev.sluice.block.manipulate.ShortenBlock;
import dev.sluice.block.manipulate.SortBlock;
import dev.sluice.block.manipulate.TailBlock;
import dev.sluice.block.manipulate.TruncateBlock;
import dev.sluice.block.manipulate.UniqueBlock;
import dev.sluice.block.manipulate.UrlCleanupBlock;
import dev.sluice.block.output.OutputBlock;
import dev.sluice.feed.Feed;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The metadata the editor and validator read, and the deadline every item loop checks. */
class BlockCatalogueTest {

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(FilterBlock.TYPE, "FilterBlock", "Manipulate", 3, 1, List.of(0)),
                Arguments.of(ReplaceBlock.TYPE, "ReplaceBlock", "Manipulate", 3, 1, List.of(0, 1)),
                Arguments.of(UniqueBlock.TYPE, "UniqueBlock", "Manipulate", 3, 1, List.of()),
                Arguments.of(UrlCleanupBlock.TYPE, "UrlCleanupBlock", "Manipulate", 3, 1, List.of()),
                Arguments.of(TruncateBlock.TYPE, "TruncateBlock", "Manipulate", 1, 1, List.of()),
                Arguments.of(TailBlock.TYPE, "TailBlock", "Manipulate", 1, 1, List.of()),
                Arguments.of(SortBlock.TYPE, "SortBlock", "Manipulate", 2, 1, List.of()),
                Arguments.of(ShortenBlock.TYPE, "ShortenBlock", "Manipulate", 2, 1, List.of(0)),
                Arguments.of(FulltextBlock.TYPE, "FulltextBlock", "Manipulate", 3, 1, List.of()),
                Arguments.of(CombineBlock.TYPE, "CombineBlock", "Control", 0, BlockType.GROWING, List.of()),
                Arguments.of(DuplicateBlock.TYPE, "DuplicateBlock", "Control", 0, 1, List.of()),
                Arguments.of(OutputBlock.TYPE, "OutputBlock", "Output", 0, 1, List.of()),
                Arguments.of(WebhookBlock.TYPE, "WebhookBlock", "Inputs", 2, 0, List.of()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("types")
    void declaresItsPipesCeShape(BlockType type, String name, String category, int options, int inputs,
            List<Integer> textPorts) {
        assertThat(type.name()).isEqualTo(name);
        assertThat(type.category()).isEqualTo(category);
        assertThat(type.options()).hasSize(options);
        assertThat(type.feedInputs()).isEqualTo(inputs);
        assertThat(type.output()).isEqualTo(Value.Kind.FEED);
        assertThat(type.help()).hasSizeGreaterThan(40).endsWith(".");
        assertThat(type.label()).isNotBlank();
        assertThat(type.block().getClass().getSimpleName()).isEqualTo(name);
        for (int i = 0; i < options; i++) {
            OptionSpec spec = type.options().get(i);
            assertThat(spec.textPort()).as("text port of option %d", i).isEqualTo(textPorts.contains(i));
            if (spec.kind() == OptionSpec.Kind.CHOICE) {
                assertThat(spec.choices()).contains(spec.defaultValue());
            }
        }
    }

    /** Each looping block with options that make it do work on every item. */
    static Stream<Arguments> loopingBlocks() {
        return Stream.of(
                Arguments.of(FilterBlock.TYPE, new Object[] {"x", false, "title"}),
                Arguments.of(ReplaceBlock.TYPE, new Object[] {"x", "y", "all"}),
                Arguments.of(UniqueBlock.TYPE, new Object[] {}),
                Arguments.of(UniqueBlock.TYPE, new Object[] {"title", "longest"}),
                Arguments.of(UrlCleanupBlock.TYPE, new Object[] {true, true, "x"}),
                Arguments.of(TruncateBlock.TYPE, new Object[] {"1"}),
                Arguments.of(TailBlock.TYPE, new Object[] {"1"}),
                Arguments.of(SortBlock.TYPE, new Object[] {"title", "asc"}),
                Arguments.of(ShortenBlock.TYPE, new Object[] {"5", "title"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopingBlocks")
    void stopsAtTheDeadlineInsideItsItemLoop(BlockType type, Object[] options) {
        Feed feed = feed(item("a", "a long title x"), item("b", "another long title x"), item("c", "third title"));
        assertThatThrownBy(() -> type.block().run(call(feed, options), TestContext.expired()))
                .isInstanceOf(DeadlineExceeded.class);
        assertThat(type.block().run(call(feed, options), new TestContext())).isInstanceOf(Value.Items.class);
    }

    @Test
    void everyBlockAcceptsAnEmptyFeed() {
        types().map(a -> (BlockType) a.get()[0]).forEach(type ->
                assertThat(type.block().run(call(Feed.EMPTY), new TestContext().withHookEvents("b1", List.of())))
                        .as(type.name()).isInstanceOf(Value.Items.class));
    }
}
