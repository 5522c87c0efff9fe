package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.guids;
import static dev.sluice.block.TestFeeds.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelayBlockTest {

    private static Item aged(String guid, int hours) {
        return Item.builder().guid(guid).title(guid).published(TestContext.NOW.minus(Duration.ofHours(hours))).build();
    }

    private static final Item UPDATED_ONLY = Item.builder().guid("upd30").title("upd30")
            .updated(TestContext.NOW.minus(Duration.ofHours(30))).build();
    private static final Item FUTURE = Item.builder().guid("future").title("future")
            .published(TestContext.NOW.plus(Duration.ofHours(3))).build();
    private static final Item UNDATED = Item.builder().guid("undated").title("undated").build();

    private static final Feed FEED = feed(aged("h1", 1), aged("h5", 5), aged("h24", 24), aged("h48", 48),
            UPDATED_ONLY, FUTURE, UNDATED);

    @ParameterizedTest(name = "[{index}] {0} hours → {1}")
    @CsvSource(delimiter = '|', value = {
            "24  | h24 h48 upd30",
            "''  | h24 h48 upd30",
            "5   | h5 h24 h48 upd30",
            "36  | h48",
            "0   | h1 h5 h24 h48 upd30",
            "1000| ''",
    })
    void keepsItemsAtLeastThatOld(String hours, String expected) {
        Value out = DelayBlock.TYPE.block().run(call(FEED, hours), new TestContext());
        assertThat(guids(out)).containsExactlyElementsOf(list(expected));
    }

    @Test
    void reportsWhyItemsAreHeldOrDropped() {
        TestContext ctx = new TestContext();
        DelayBlock.TYPE.block().run(call(feed(aged("h1", 1), UNDATED, aged("h30", 30)), 2), ctx);
        assertThat(ctx.droppedGuids()).containsExactly("h1", "undated");
        assertThat(ctx.rules()).containsExactly("is less than 2 hours old", DelayBlock.UNDATED);
    }

    @Test
    void allOldEnoughKeepsTheFeedAsItIs() {
        Feed old = feed(aged("a", 50), aged("b", 60));
        assertThat(feedOf(DelayBlock.TYPE.block().run(call(old, 24), new TestContext()))).isSameAs(old);
    }

    @ParameterizedTest
    @CsvSource({"-3, Hours must be 0 or more", "soon, must be a number"})
    void badHoursAreClearErrors(String hours, String message) {
        assertThatThrownBy(() -> DelayBlock.TYPE.block().run(call(FEED, hours), new TestContext()))
                .isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @Test
    void stopsAtTheDeadline() {
        assertThatThrownBy(() -> DelayBlock.TYPE.block().run(call(FEED, 1), TestContext.expired()))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
