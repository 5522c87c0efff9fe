package dev.sluice.block.build;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.GuidPolicy;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Build Feed on its own: zipping by position, lines, titles, guids and dates. */
class BuilderBlockTest {
    final TestContext ctx = new TestContext();

    static Value text(String s) {
        return new Value.Text(s);
    }

    static Value build(TestContext ctx, Value title, Value content, Value date, Value link, Object... options) {
        return new BuilderBlock().run(callWithInputs(Arrays.asList(title, content, date, link), options), ctx);
    }

    @Test
    void columnsArePairedByPositionAndTheContentColumnSetsTheCount() {
        Value out = build(ctx, text("One\nTwo\nThree\nFour"), text("first\n\nsecond\nthird\n"),
                text("2024-01-02T03:04:05Z\nnot a date"), text("https://example.org/1"), "My feed", false);
        List<Item> items = feedOf(out).items();
        assertThat(titles(out)).containsExactly("One", "Two", "Three");
        assertThat(items).extracting(Item::content).containsExactly("first", "second", "third");
        assertThat(items).extracting(Item::link).containsExactly("https://example.org/1", "", "");
        assertThat(items.get(0).date()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(items.get(1).date()).as("unreadable date: first seen, here the test clock").isEqualTo(TestContext.NOW);
        assertThat(feedOf(out).channel().title()).isEqualTo("My feed");
    }

    @Test
    void missingTitlesAreUntitledAndAMissingFeedTitleLeavesTheChannelTitleToThePipe() {
        Value out = build(ctx, text("Only"), text("a\nb"), null, null);
        assertThat(titles(out)).containsExactly("Only", "untitled");
        assertThat(feedOf(out).channel().title()).isEmpty();
    }

    @Test
    void feedColumnsUseContentThenDescriptionThenTitle() {
        Item withContent = Item.builder().guid("g1").title("t1").description("d1").content("c1").build();
        Item withDescription = Item.builder().guid("g2").title("t2").description("d2").build();
        Item titleOnly = Item.builder().guid("g3").title("t3").build();
        Value column = new Value.Items(feed(withContent, withDescription, titleOnly));
        Value out = build(ctx, column, column, null, null);
        assertThat(feedOf(out).items()).extracting(Item::content).containsExactly("c1", "d2", "t3");
        assertThat(titles(out)).containsExactly("c1", "d2", "t3");
        assertThat(feedOf(out).items()).extracting(Item::guid).as("the content items' guids").containsExactly("g1", "g2", "g3");
    }

    @ParameterizedTest(name = "recalculate={0}")
    @CsvSource({"false", "true"})
    void guidsAreStableHashesOfTheContentWhateverTheTitleColumn(boolean recalculate) {
        Value first = build(ctx, text("T"), text("body"), null, null, "", recalculate);
        Value again = build(new TestContext(), text("T"), text("body"), null, null, "", recalculate);
        Value otherTitle = build(ctx, text("U"), text("body"), null, null, "", recalculate);
        Value otherBody = build(ctx, text("T"), text("other body"), null, null, "", recalculate);
        String guid = feedOf(first).items().get(0).guid();
        assertThat(guid).startsWith(GuidPolicy.PREFIX).isEqualTo(feedOf(again).items().get(0).guid())
                .isEqualTo(feedOf(otherTitle).items().get(0).guid())
                .isNotEqualTo(feedOf(otherBody).items().get(0).guid());
    }

    @Test
    void recalculatingReplacesTheContentItemsOwnGuidByAHashOfItsContentAndTitle() {
        Value column = new Value.Items(feed(Item.builder().guid("https://example.org/a").title("t").content("c").build()));
        Value retitled = new Value.Items(feed(Item.builder().guid("https://example.org/a").title("u").content("c").build()));
        assertThat(feedOf(build(ctx, null, column, null, null, "", false)).items().get(0).guid()).isEqualTo("https://example.org/a");
        String recalculated = feedOf(build(ctx, null, column, null, null, "", true)).items().get(0).guid();
        assertThat(recalculated).isEqualTo(GuidPolicy.stable("c", "t"))
                .isNotEqualTo(feedOf(build(ctx, null, retitled, null, null, "", true)).items().get(0).guid());
    }

    @Test
    void aFeedAsTheDateColumnLendsItsItemsDatesWhenTheirTextIsNoDate() {
        Instant published = Instant.parse("2023-05-06T07:08:09Z");
        Value dates = new Value.Items(feed(Item.builder().guid("d1").content("a post body").published(published).build(),
                Item.builder().guid("d2").content("2022-01-01T00:00:00Z").build()));
        List<Item> items = feedOf(build(ctx, null, text("x\ny\nz"), dates, null)).items();
        assertThat(items).extracting(Item::date).containsExactly(published, Instant.parse("2022-01-01T00:00:00Z"), TestContext.NOW);
    }

    @Test
    void noContentInputIsAnErrorAsInPipesCe() {
        assertThatThrownBy(() -> build(ctx, text("a\nb"), null, null, null))
                .isInstanceOf(BlockError.class).hasMessage(BuilderBlock.NO_CONTENT);
    }

    @Test
    void anEmptyContentColumnBuildsAnEmptyFeed() {
        assertThat(feedOf(build(ctx, text("a\nb"), text(""), null, null)).items()).isEmpty();
    }

    @Test
    void stopsAtTheDeadline() {
        assertThatThrownBy(() -> build(TestContext.expired(), null, text("a\nb"), null, null))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
