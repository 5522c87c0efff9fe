package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.guids;
import static dev.sluice.block.TestFeeds.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.TestContext;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SortBlockTest {

    private static Item item(String guid, String title, String published) {
        return Item.builder().guid(guid).title(title).link("https://example.org/" + guid)
                .published(published == null ? null : Instant.parse(published)).build();
    }

    /**
     * Guids spell their date order: d1 oldest … d4 newest; d2 and d2b share a date; nd has none.
     * Titles spell natural order: "Part 2" before "part 10"; the untitled item has none.
     */
    private static final Feed MIXED = feed(
            item("d2", "Part 10", "2024-06-02T00:00:00Z"),
            item("nd", "part 2", null),
            item("d4", "Part 1", "2024-06-04T00:00:00Z"),
            item("d2b", "", "2024-06-02T00:00:00Z"),
            item("d1", "Part 3", "2024-06-01T00:00:00Z"),
            Item.builder().guid("d3").title("Part 20").link("https://example.org/d3")
                    .updated(Instant.parse("2024-06-03T00:00:00Z")).build()); // only an updated date

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("published", "desc", "d4 d3 d2 d2b d1 nd"),
                Arguments.of("updated", "desc", "d4 d3 d2 d2b d1 nd"),
                Arguments.of("", "desc", "d4 d3 d2 d2b d1 nd"),       // blank field: date
                Arguments.of("", "", "d1 d2 d2b d3 d4 nd"),           // blank order: ascending, as in Pipes CE
                Arguments.of("published", "asc", "d1 d2 d2b d3 d4 nd"), // undated last in both orders, ties stable
                Arguments.of("title", "asc", "d4 nd d1 d2 d3 d2b"),      // natural, case-insensitive; untitled last
                Arguments.of("title", "desc", "d3 d2 d1 nd d4 d2b"),
                Arguments.of("Title", "ASC", "d4 nd d1 d2 d3 d2b"),
                Arguments.of("guid", "asc", "d1 d2 d2b d3 d4 nd"),
                Arguments.of("link", "desc", "nd d4 d3 d2b d2 d1"),
                Arguments.of("url", "desc", "nd d4 d3 d2b d2 d1"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("orders")
    void sortsByTheChosenFieldAndOrder(String field, String order, String expected) {
        assertThat(guids(SortBlock.TYPE.block().run(call(MIXED, field, order), new TestContext())))
                .containsExactlyElementsOf(list(expected));
    }

    static Stream<Arguments> textFields() {
        return Stream.of(
                Arguments.of("content", (BiFunction<String, String, Item>) (g, v) -> Item.builder().guid(g).content(v).build()),
                Arguments.of("summary", (BiFunction<String, String, Item>) (g, v) -> Item.builder().guid(g).description(v).build()),
                Arguments.of("description", (BiFunction<String, String, Item>) (g, v) -> Item.builder().guid(g).description(v).build()),
                Arguments.of("author", (BiFunction<String, String, Item>) (g, v) -> Item.builder().guid(g).author(v).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFields")
    void sortsByEachTextField(String field, BiFunction<String, String, Item> itemWith) {
        Feed feed = feed(itemWith.apply("b", "b 10"), itemWith.apply("none", " "), itemWith.apply("B2", "B 2"),
                itemWith.apply("a", "A"));
        assertThat(guids(SortBlock.TYPE.block().run(call(feed, field, "asc"), new TestContext())))
                .containsExactly("a", "B2", "b", "none");
    }

    @Test
    void isStableForEqualKeysInBothOrders() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(item("g" + i, "same", i % 2 == 0 ? "2024-06-01T00:00:00Z" : "2024-06-02T00:00:00Z"));
        }
        Feed feed = feed(items.toArray(Item[]::new));
        List<String> desc = guids(SortBlock.TYPE.block().run(call(feed, "published", "desc"), new TestContext()));
        List<String> asc = guids(SortBlock.TYPE.block().run(call(feed, "published", "asc"), new TestContext()));
        assertThat(desc.subList(0, 50)).allMatch(g -> Integer.parseInt(g.substring(1)) % 2 == 1);
        assertThat(asc.subList(0, 50)).allMatch(g -> Integer.parseInt(g.substring(1)) % 2 == 0);
        assertThat(desc.subList(0, 50)).containsExactlyElementsOf(
                items.stream().map(Item::guid).filter(g -> Integer.parseInt(g.substring(1)) % 2 == 1).toList());
    }

    @Test
    void sortsABenchSizedFeedNewestFirst() {
        List<Item> items = new ArrayList<>();
        Instant base = Instant.parse("2024-06-30T12:00:00Z");
        for (int i = 0; i < 850; i++) {
            items.add(item("g" + i, "title " + i, base.minusSeconds(i * 3_000L).toString()));
        }
        Collections.shuffle(items, new Random(20240630));
        Feed sorted = feedOf(SortBlock.TYPE.block().run(call(feed(items.toArray(Item[]::new)), "updated", "desc"),
                new TestContext()));
        assertThat(sorted.items()).hasSize(850);
        assertThat(sorted.items()).extracting(Item::date).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(sorted.channel()).isEqualTo(feed().channel());
    }

    @Test
    void unknownFieldsAndOrdersAreClearErrors() {
        assertThatThrownBy(() -> SortBlock.TYPE.block().run(call(MIXED, "size", "asc"), new TestContext()))
                .isInstanceOf(BlockError.class)
                .hasMessageStartingWith("Unknown sort field \"size\"; choose one of: updated, published, content");
        assertThatThrownBy(() -> SortBlock.TYPE.block().run(call(MIXED, "title", "up"), new TestContext()))
                .isInstanceOf(BlockError.class)
                .hasMessage("Unknown sort order \"up\"; choose one of: desc, asc");
    }
}
