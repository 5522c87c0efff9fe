package dev.sluice.block.create;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feedOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.TestContext;
import dev.sluice.block.TestFeeds;
import dev.sluice.block.Value;
import dev.sluice.feed.Item;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tables: each table's own rows as JSON, keyed by its header, independent of the other tables. */
class TabletojsonBlockTest {

    private static List<Item> tables(Value input) {
        return feedOf(TabletojsonBlock.TYPE.block().run(callWithInputs(Arrays.asList(input)), new TestContext())).items();
    }

    private static List<Item> tablesIn(String html) {
        Item item = Item.builder().guid("p").link("https://blog.example.org/post").content(html).build();
        return tables(new Value.Items(TestFeeds.feed(item)));
    }

    @Test
    void eachTableOfAPageIsOneItemWithOnlyItsOwnRows() {
        List<Item> items = tables(Fixtures.html("tables.html"));
        assertThat(items).extracting(Item::content).containsExactly(
                "[{\"Stop\":\"Quay\",\"First\":\"06:00\",\"Last\":\"22:00\"},"
                        + "{\"Stop\":\"Island\",\"First\":\"06:20\",\"Last\":\"22:20\"}]",
                // Pipes CE's second table also carried the first one's rows.
                "[[\"Adult\",\"3.00\"],[\"Child\",\"1.50\"]]");
        assertThat(items).extracting(Item::title).containsExactly("Ferry", "Table 2");
        assertThat(items).extracting(Item::link).containsExactly(
                Fixtures.PAGE_URL + "#ferry", Fixtures.PAGE_URL + "#prices");
        assertThat(items).extracting(Item::guid).doesNotHaveDuplicates().allMatch(g -> g.startsWith("sluice:"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "th-only first row|<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
                    + "|[{\"A\":\"1\",\"B\":\"2\"}]",
            "empty, repeated and missing headers|<table><tr><th>A</th><th></th><th>A</th></tr>"
                    + "<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>"
                    + "|[{\"A\":\"1\",\"column 2\":\"2\",\"column 3\":\"3\",\"column 4\":\"4\"}]",
            "mixed first row is data|<table><tr><th>Adult</th><td>3</td></tr></table>|[[\"Adult\",\"3\"]]",
            "nested table rows stay in the inner table|<table><tr><td>outer<table><tr><td>inner</td></tr></table></td></tr></table>"
                    + "|[[\"outer inner\"]];[[\"inner\"]]",
            "identical tables are one item|<table><tr><td>x</td></tr></table><table><tr><td>x</td></tr></table>|[[\"x\"]]",
            "tables without rows are skipped|<table></table><table><tr></tr></table>|",
    })
    void rowsAreReadAsUsersExpect(String name, String html, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(";"));
        assertThat(tablesIn(html)).extracting(Item::content).containsExactlyElementsOf(want);
    }

    @Test
    void nothingInNothingOut() {
        assertThat(tables(null)).isEmpty();
    }

    @Test
    void aPassedDeadlineStopsTheBlock() {
        assertThatThrownBy(() -> TabletojsonBlock.TYPE.block().run(
                callWithInputs(List.of(Fixtures.html("tables.html"))), TestContext.expired()))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
