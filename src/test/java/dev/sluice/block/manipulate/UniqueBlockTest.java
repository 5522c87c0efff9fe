package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.guids;
import static dev.sluice.block.TestFeeds.item;
import static dev.sluice.block.TestFeeds.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import org.junit.jupiter.api.Test;

class UniqueBlockTest {

    @Test
    void keepsTheFirstItemOfEachGuid() {
        Feed feed = feed(item("a", "first A"), item("b", "B"), item("a", "second A"), item("c", "C"), item("b", "again B"));
        TestContext ctx = new TestContext();
        Value out = UniqueBlock.TYPE.block().run(call(feed, ""), ctx);
        assertThat(titles(out)).containsExactly("first A", "B", "C");
        assertThat(ctx.drops()).extracting(d -> d.item().title()).containsExactly("second A", "again B");
        assertThat(ctx.rules()).containsOnly(UniqueBlock.DUPLICATE_RULE);
    }

    @Test
    void itemsWithTheSameTitleButDifferentGuidsAreDifferentItems() {
        Feed feed = feed(item("a", "Weekly digest"), item("b", "Weekly digest"));
        TestContext ctx = new TestContext();
        assertThat(guids(UniqueBlock.TYPE.block().run(call(feed), ctx))).containsExactly("a", "b");
        assertThat(ctx.drops()).isEmpty();
    }

    @Test
    void itemsWithoutAGuidAreNotCollapsedTogether() {
        Feed feed = feed(Item.builder().title("one").build(), Item.builder().title("two").build());
        assertThat(titles(UniqueBlock.TYPE.block().run(call(feed), new TestContext()))).containsExactly("one", "two");
    }

    @Test
    void aFeedWithoutDuplicatesComesBackAsItWas() {
        Feed feed = feed(item("a", "A"), item("b", "B"));
        assertThat(feedOf(UniqueBlock.TYPE.block().run(call(feed), new TestContext()))).isSameAs(feed);
    }
}
