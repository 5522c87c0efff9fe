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
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateFilterBlockTest {
    private static final Instant NOW = TestContext.NOW;

    /** An item published {@code hoursFromNow} from the test clock's now (negative: in the past). */
    private static Item at(String guid, int hoursFromNow) {
        return Item.builder().guid(guid).title(guid).published(NOW.plus(Duration.ofHours(hoursFromNow))).build();
    }

    /** Items from 3 weeks ago to 2 days ahead, and one without any date. */
    private static final Feed FEED = feed(
            at("weeks3", -21 * 24), at("days3", -72), at("day1", -24), at("hours2", -2), at("now", 0),
            at("ahead5h", 5), at("ahead2d", 48),
            Item.builder().guid("undated").title("undated").build());

    @ParameterizedTest(name = "[{index}] {0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "published | within | -2 days           | day1 hours2 now",
            "published | within | 2 days ago        | day1 hours2 now",
            "published | within | -3 hours          | hours2 now",
            "published | within | -30 minutes       | now",
            "published | within | 6 hours           | now ahead5h",
            "published | within | +1 week           | now ahead5h ahead2d",
            "published | after  | -2 days           | day1 hours2 now ahead5h ahead2d",
            "published | before | -2 days           | weeks3 days3",
            "published | before | 1 week ago        | weeks3",
            "published | after  | now               | ahead5h ahead2d",
            "published | before | 2024-06-28        | weeks3 days3",
            "published | after  | 2024-06-30T13:00:00+00:00 | ahead5h ahead2d",
            "published | before | Sun, 30 Jun 2024 11:00:00 GMT | weeks3 days3 day1 hours2",
            "''        | ''     | -1 day            | day1 hours2 now",
    })
    void keepsItemsByDate(String field, String op, String value, String expected) {
        Value out = DateFilterBlock.TYPE.block().run(call(FEED, field, op, value), new TestContext());
        assertThat(guids(out)).containsExactlyElementsOf(list(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"before", "after", "within"})
    void itemsWithoutTheDateAreDroppedAndReported(String op) {
        TestContext ctx = new TestContext();
        DateFilterBlock.TYPE.block().run(call(FEED, "published", op, "now"), ctx);
        assertThat(ctx.drops()).anySatisfy(d -> {
            assertThat(d.item().guid()).isEqualTo("undated");
            assertThat(d.rule()).isEqualTo("has no published date");
        });
    }

    @Test
    void readsTheUpdatedDateWhenAsked() {
        Item onlyUpdated = Item.builder().guid("u").updated(NOW.minus(Duration.ofHours(1))).build();
        Item onlyPublished = Item.builder().guid("p").published(NOW.minus(Duration.ofHours(1))).build();
        TestContext ctx = new TestContext();
        Value out = DateFilterBlock.TYPE.block().run(call(feed(onlyUpdated, onlyPublished), "updated", "within", "-1 day"), ctx);
        assertThat(guids(out)).containsExactly("u");
        assertThat(ctx.rules()).containsExactly("has no updated date");
    }

    @Test
    void reportsTheRuleForItemsOutsideTheSpan() {
        TestContext ctx = new TestContext();
        DateFilterBlock.TYPE.block().run(call(feed(at("old", -100)), "published", "within", "-2 days"), ctx);
        assertThat(ctx.rules()).containsExactly("published is not within -2 days");
    }

    @Test
    void anEmptyValueLetsEverythingThrough() {
        Value out = DateFilterBlock.TYPE.block().run(call(FEED, "published", "before", " "), new TestContext());
        assertThat(feedOf(out)).isSameAs(FEED);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "published | within | yesterday-ish     | Cannot read \"yesterday-ish\" as a date",
            "published | within | -2 fortnights     | Cannot read \"-2 fortnights\" as a date",
            "published | around | -2 days           | Unknown operation \"around\"",
            "created   | before | -2 days           | Unknown date \"created\"",
    })
    void badOptionsAreClearErrors(String field, String op, String value, String message) {
        assertThatThrownBy(() -> DateFilterBlock.TYPE.block().run(call(FEED, field, op, value), new TestContext()))
                .isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @Test
    void stopsAtTheDeadline() {
        assertThatThrownBy(() -> DateFilterBlock.TYPE.block().run(call(FEED, "published", "before", "now"), TestContext.expired()))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
