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

/** Tables: each table's own rows as JSON in Pipes CE's shape, independent of the other tables. */
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
                "{\"Quay\":[\"06:00\",\"22:00\"],\"Island\":[\"06:20\",\"22:20\"]}",
                // Pipes CE's second table also carried the first one's rows.
                "{\"Adult\":[\"3.00\"],\"Child\":[\"1.50\"]}");
        assertThat(items).extracting(Item::title).containsExactly("Ferry", "Table 2");
        assertThat(items).extracting(Item::link).containsExactly(
                Fixtures.PAGE_URL + "#ferry", Fixtures.PAGE_URL + "#prices");
        assertThat(items).extracting(Item::guid).doesNotHaveDuplicates().allMatch(g -> g.startsWith("sluice:"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "header cells are left out|<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
                    + "|{\"1\":[\"2\"]}",
            "a repeated key keeps its place and takes the later cells|<table><tr><td>a</td><td>1</td></tr>"
                    + "<tr><td>b</td><td>2</td></tr><tr><td>a</td><td>3</td><td>4</td></tr></table>"
                    + "|{\"a\":[\"3\",\"4\"],\"b\":[\"2\"]}",
            "a row of one data cell is left out|<table><tr><th>Adult</th><td>3</td></tr><tr><td>x</td><td>y</td></tr></table>"
                    + "|{\"x\":[\"y\"]}",
            "nested table rows stay in the inner table|<table><tr><td>outer</td><td>x<table><tr><td>in</td><td>ner</td></tr></table></td></tr></table>"
                    + "|{\"outer\":[\"x in ner\"]};{\"in\":[\"ner\"]}",
            "identical tables are one item|<table><tr><td>x</td><td>1</td></tr></table><table><tr><td>x</td><td>1</td></tr></table>"
                    + "|{\"x\":[\"1\"]}",
            "tables without key and value rows are skipped|<table></table><table><tr></tr></table><table><tr><td>only</td></tr></table>|",
    })
    void rowsAreReadAsPipesCeReadThem(String name, String html, String expected) {
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
