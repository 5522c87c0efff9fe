package dev.sluice.block.control;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.guids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Category;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergeBlockTest {

    private static Item item(String guid, String content) {
        return Item.builder().guid(guid).title(guid).link("https://example.org/" + guid)
                .content(content).description(content.isEmpty() ? "" : "d-" + content).build();
    }

    private static Value merge(String format, Feed first, Feed second) {
        List<Value> inputs = new ArrayList<>(Arrays.asList(
                first == null ? null : new Value.Items(first), second == null ? null : new Value.Items(second)));
        return MergeBlock.TYPE.block().run(callWithInputs(inputs, format), new TestContext());
    }

    private static List<String> contents(Value v) {
        return feedOf(v).items().stream().map(Item::content).toList();
    }

    @ParameterizedTest(name = "[{index}] format \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "''                 | AB",
            "' - '              | A - B",
            "'<hr>'             | A<hr>B",
            "'\\1 and then \\2' | A and then B",
            "'[\\2/\\1]'        | [B/A]",
            "'only \\1'         | Aonly \\1B",   // one placeholder is not a template: it is a separator
    })
    void joinsContentsByFormat(String format, String expected) {
        Value out = merge(format, feed(item("a", "A")), feed(item("b", "B")));
        assertThat(contents(out)).containsExactly(expected);
    }

    @Test
    void resultIsTheFirstItemWithDescriptionsJoinedToo() {
        Item out = feedOf(merge(" | ", feed(item("a", "A")), feed(item("b", "B")))).items().get(0);
        assertThat(out.guid()).isEqualTo("a");
        assertThat(out.title()).isEqualTo("a");
        assertThat(out.link()).isEqualTo("https://example.org/a");
        assertThat(out.description()).isEqualTo("d-A | d-B");
    }

    @Test
    void templateTextInsideAContentIsNotExpandedAgain() {
        Value out = merge("\\1/\\2", feed(item("a", "x\\2y")), feed(item("b", "B")));
        assertThat(contents(out)).containsExactly("x\\2y/B");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" + \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "A |   | A",
            "  | B | B",
            "  |   | ''",
    })
    void separatorIsNotLeftDanglingWhenOneSideIsEmpty(String a, String b, String expected) {
        Value out = merge(" - ", feed(item("a", a == null ? "" : a)), feed(item("b", b == null ? "" : b)));
        assertThat(contents(out)).containsExactly(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "[{index}] {0} items with {1} items")
    @CsvSource({
            "3, 1, 'A1+B1 A2 A3', 'a1 a2 a3'",
            "1, 3, 'A1+B1 B2 B3', 'a1 b2 b3'",
            "0, 2, 'B1 B2', 'b1 b2'",
            "2, 0, 'A1 A2', 'a1 a2'",
            "0, 0, '', ''",
    })
    void unequalLengthsKeepTheLongerFeedsExtraItemsUnchanged(int na, int nb, String contents, String guids) {
        Value out = merge("+", numbered("a", "A", na), numbered("b", "B", nb));
        assertThat(String.join(" ", contents(out))).isEqualTo(contents);
        assertThat(String.join(" ", guids(out))).isEqualTo(guids);
    }

    private static Feed numbered(String guidPrefix, String contentPrefix, int n) {
        Item[] items = new Item[n];
        for (int i = 0; i < n; i++) {
            items[i] = item(guidPrefix + (i + 1), contentPrefix + (i + 1));
        }
        return feed(guidPrefix.toUpperCase() + " feed", items);
    }

    @Test
    void oneInputConnectedPassesThrough() {
        Feed only = feed(item("a", "A"));
        assertThat(feedOf(merge("-", only, null))).isSameAs(only);
        assertThat(feedOf(merge("-", null, only))).isSameAs(only);
    }

    @Test
    void joinsChannelTitlesAndCategoriesWithoutDuplicates() {
        Item a = item("a", "A").toBuilder().categories(List.of(Category.of("x"), Category.of("y"))).build();
        Item b = item("b", "B").toBuilder().categories(List.of(Category.of("y"), Category.of("z")))
                .author("Bea").build();
        Feed out = feedOf(merge("", feed("Left", a), feed("Right", b)));
        assertThat(out.channel().title()).isEqualTo("Left & Right");
        assertThat(out.items().get(0).categories()).extracting(Category::term).containsExactly("x", "y", "z");
        assertThat(out.items().get(0).author()).isEqualTo("Bea");
    }

    @Test
    void stopsAtTheDeadline() {
        List<Value> inputs = List.of(new Value.Items(feed(item("a", "A"))), new Value.Items(feed(item("b", "B"))));
        assertThatThrownBy(() -> MergeBlock.TYPE.block().run(callWithInputs(inputs, ""), TestContext.expired()))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
