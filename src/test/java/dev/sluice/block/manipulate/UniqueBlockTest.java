package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.guids;
import static dev.sluice.block.TestFeeds.item;
import static dev.sluice.block.TestFeeds.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UniqueBlockTest {

    private static Value run(Feed feed, TestContext ctx, Object... options) {
        return UniqueBlock.TYPE.block().run(call(feed, options), ctx);
    }

    // ---- Pipes CE's behaviour: no options = guid, first ----------------------------------------

    @Test
    void keepsTheFirstItemOfEachGuid() {
        Feed feed = feed(item("a", "first A"), item("b", "B"), item("a", "second A"), item("c", "C"), item("b", "again B"));
        TestContext ctx = new TestContext();
        assertThat(titles(run(feed, ctx, ""))).containsExactly("first A", "B", "C");
        assertThat(ctx.drops()).extracting(d -> d.item().title()).containsExactly("second A", "again B");
        assertThat(ctx.rules()).containsExactly("duplicate guid: kept \"first A\", which came first",
                "duplicate guid: kept \"B\", which came first");
    }

    @Test
    void noOptionsAtAllMeanGuidAndFirstAsInPipesCe() {
        Feed feed = feed(item("a", "first A"), item("a", "second A"));
        for (Object[] options : List.of(new Object[] {}, new Object[] {""}, new Object[] {"", ""}, new Object[] {null, null, null})) {
            assertThat(titles(run(feed, new TestContext(), options))).as(Arrays.toString(options)).containsExactly("first A");
        }
    }

    @Test
    void itemsWithTheSameTitleButDifferentGuidsAreDifferentItems() {
        Feed feed = feed(item("a", "Weekly digest"), item("b", "Weekly digest"));
        TestContext ctx = new TestContext();
        assertThat(guids(run(feed, ctx))).containsExactly("a", "b");
        assertThat(ctx.drops()).isEmpty();
    }

    @Test
    void itemsWithoutAGuidAreNotCollapsedTogether() {
        Feed feed = feed(Item.builder().title("one").build(), Item.builder().title("two").build());
        assertThat(titles(run(feed, new TestContext()))).containsExactly("one", "two");
    }

    @Test
    void aFeedWithoutDuplicatesComesBackAsItWas() {
        Feed feed = feed(item("a", "A"), item("b", "B"));
        assertThat(feedOf(run(feed, new TestContext()))).isSameAs(feed);
        assertThat(feedOf(run(feed, new TestContext(), "title", "longest"))).isSameAs(feed);
    }

    // ---- every compare × keep combination -----------------------------------------------------

    private static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");

    private static Item story(String title, String link, String guid, Integer day, int length) {
        return Item.builder().title(title).link(link).guid(guid).published(day == null ? null : JAN.plusSeconds(86_400L * day))
                .content("<p>" + "x".repeat(length) + "</p>").build();
    }

    /**
     * Three groups of three duplicates, interleaved: by link (r*), by title (w*), by guid (g*).
     * In each group the first, the newest and the longest are different items.
     */
    static final Feed NINE = feed(
            story("Rust 1.80 released", "https://example.org/rust?utm_source=a", "r1", 1, 20),
            story("Weekly digest", "https://example.org/digest/1", "w1", null, 100),
            story("Release notes", "https://example.org/notes/a", "g", 2, 50),
            story("Rust 1.80 is out", "http://EXAMPLE.org/rust/?fbclid=z#comments", "r2", 3, 5),
            story("WEEKLY  DIGEST!", "https://example.org/digest/2", "w2", 5, 10),
            story("Release notes (updated)", "https://example.org/notes/b", "g", 6, 10),
            story("Rust 1.80: the details", "https://example.org/rust?ref=hn", "r3", 2, 300),
            story("weekly — digest", "https://example.org/digest/3", "w3", 4, 400),
            story("Release notes, long", "https://example.org/notes/c", "g", null, 999));

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', textBlock = """
            guid  | first   | r1 w1 g r2 w2 r3 w3
            guid  | newest  | r1 w1 r2 w2 g r3 w3
            guid  | longest | r1 w1 r2 w2 r3 w3 g
            link  | first   | r1 w1 g w2 g w3 g
            link  | newest  | w1 g r2 w2 g w3 g
            link  | longest | w1 g w2 g r3 w3 g
            title | first   | r1 w1 g r2 g r3 g
            title | newest  | r1 g r2 w2 g r3 g
            title | longest | r1 g r2 g r3 w3 g
            """)
    void keepsOneOfEachGroupInInputOrder(String compare, String keep, String expectedGuids) {
        TestContext ctx = new TestContext();
        Value out = run(NINE, ctx, compare, keep);
        assertThat(guids(out)).containsExactlyElementsOf(List.of(expectedGuids.split(" ")));
        assertThat(ctx.drops()).hasSize(2);
        assertThat(ctx.rules()).allSatisfy(rule -> assertThat(rule).startsWith("duplicate " + compare + ": kept \""));
    }

    @Test
    void theRuleNamesTheKeptItemAndWhy() {
        TestContext ctx = new TestContext();
        run(NINE, ctx, "link", "newest");
        assertThat(ctx.drops()).extracting(d -> d.item().guid()).containsExactly("r1", "r3");
        assertThat(ctx.rules()).containsOnly("duplicate link: kept \"Rust 1.80 is out\", which is newer");

        ctx = new TestContext();
        run(NINE, ctx, "title", "longest");
        assertThat(ctx.rules()).containsOnly("duplicate title: kept \"weekly — digest\", which is longer");
    }

    // ---- newest and longest, in detail ---------------------------------------------------------

    @Test
    void undatedItemsLoseToDatedOnesAndTiesKeepTheFirst() {
        Feed feed = feed(story("Same", "https://example.org/1", "undated", null, 1),
                story("Same", "https://example.org/2", "dated", 1, 1),
                story("Same", "https://example.org/3", "as new", 1, 1));
        TestContext ctx = new TestContext();
        assertThat(guids(run(feed, ctx, "title", "newest"))).containsExactly("dated");
        assertThat(ctx.rules()).containsExactly("duplicate title: kept \"Same\", which is newer",
                "duplicate title: kept \"Same\", which is as new and came first");

        Feed undated = feed(story("Same", "https://example.org/1", "first", null, 1),
                story("Same", "https://example.org/2", "second", null, 1));
        assertThat(guids(run(undated, new TestContext(), "title", "newest"))).containsExactly("first");
    }

    @Test
    void newestReadsTheUpdatedDateWhenThereIsNoPublishedOne() {
        Item older = Item.builder().guid("older").title("Same").published(JAN).build();
        Item updated = Item.builder().guid("updated").title("Same").updated(JAN.plusSeconds(60)).build();
        assertThat(guids(run(feed(older, updated), new TestContext(), "title", "newest"))).containsExactly("updated");
    }

    @Test
    void longestCountsVisibleTextOfContentOrDescriptionNotMarkup() {
        Item markup = Item.builder().guid("markup").title("Same")
                .content("<p><img src=\"https://example.org/" + "a".repeat(500) + ".png\"> &nbsp; </p>").build();
        Item summary = Item.builder().guid("summary").title("Same").description("A short summary of the story.").build();
        Item both = Item.builder().guid("both").title("Same").description("A much longer summary of the same story, told well.")
                .content("Short.").build();
        TestContext ctx = new TestContext();
        assertThat(guids(run(feed(markup, summary, both), ctx, "title", "longest"))).containsExactly("both");
        assertThat(guids(run(feed(markup, summary), new TestContext(), "title", "longest"))).containsExactly("summary");
        Item tie = Item.builder().guid("tie").title("Same").description("A short summary of the story!").build();
        assertThat(guids(run(feed(summary, tie), ctx, "title", "longest"))).containsExactly("summary");
        assertThat(ctx.rules()).last().isEqualTo("duplicate title: kept \"Same\", which is as long and came first");
    }

    // ---- what has no key, extra parameters, bad options ----------------------------------------

    @Test
    void itemsWithoutTheComparedFieldAreNeverDuplicates() {
        Feed noLinks = feed(Item.builder().guid("1").title("A").build(), Item.builder().guid("2").title("A").link(" ").build());
        assertThat(guids(run(noLinks, new TestContext(), "link"))).containsExactly("1", "2");
        Feed noWords = feed(Item.builder().guid("1").title("!!!").build(), Item.builder().guid("2").title("?").build(),
                Item.builder().guid("3").build(), Item.builder().guid("4").build());
        assertThat(guids(run(noWords, new TestContext(), "title"))).containsExactly("1", "2", "3", "4");
    }

    @Test
    void extraParametersAreIgnoredWhenComparingLinks() {
        Feed feed = feed(story("A", "https://example.org/s?sessionid=1", "1", 1, 1),
                story("B", "https://example.org/s?sessionid=2", "2", 1, 1));
        assertThat(guids(run(feed, new TestContext(), "link", "first", ""))).containsExactly("1", "2");
        assertThat(guids(run(feed, new TestContext(), "link", "first", "sessionid"))).containsExactly("1");
    }

    @Test
    void unknownChoicesAndUnusableNamesAreErrorsTheUserSees() {
        Feed feed = feed(item("a", "A"));
        assertThatThrownBy(() -> run(feed, new TestContext(), "author")).isInstanceOf(BlockError.class)
                .hasMessageContaining("guid, link, title");
        assertThatThrownBy(() -> run(feed, new TestContext(), "guid", "oldest")).isInstanceOf(BlockError.class)
                .hasMessageContaining("first, newest, longest");
        assertThatThrownBy(() -> run(feed, new TestContext(), "link", "first", "*")).isInstanceOf(BlockError.class)
                .hasMessageContaining("every parameter");
    }

    @Test
    void choicesIgnoreCase() {
        assertThat(guids(run(NINE, new TestContext(), "LINK", "Newest"))).containsExactly("w1", "g", "r2", "w2", "g", "w3", "g");
    }

    @Test
    void manyLongDuplicatesAreHandled() {
        String title = "Breaking: " + "word ".repeat(20_000);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(Item.builder().guid("g" + i).title(i % 2 == 0 ? title : title.toUpperCase()).link("https://example.org/"
                    + "p".repeat(1_000) + "?utm_source=" + i).published(JAN.plusSeconds(i)).build());
        }
        Feed feed = new Feed(NINE.channel(), items);
        assertThat(guids(run(feed, new TestContext(), "title", "newest"))).containsExactly("g99");
        assertThat(guids(run(feed, new TestContext(), "link", "first"))).containsExactly("g0");
    }
}
