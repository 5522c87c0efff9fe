package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps the items whose date is before or after an instant, or within the span between now and
 * it. The instant is a date or a time relative to the run's clock ({@link DateExpression}), so
 * "within -2 days" keeps the last two days' items and "within 1 week" the coming week's events.
 * {@code userinputs}: [field, op, value (text port)].
 *
 * <p>An item without the chosen date cannot be placed in time, so every operation drops it and
 * reports why; an empty value lets every item through, as an empty Filter pattern does.
 */
public final class DateFilterBlock implements Block {
    static final int FIELD = 0;
    static final int OP = 1;
    static final int VALUE = 2;

    /** Which date of an item the filter reads. */
    enum DateField {
        PUBLISHED("published", Item::published),
        UPDATED("updated", Item::updated);

        static final Choice<DateField> CHOICE = Choice.<DateField>of("date", "published")
                .add("published", PUBLISHED).add("updated", UPDATED).build();

        final String key;
        final Function<Item, Instant> read;

        DateField(String key, Function<Item, Instant> read) {
            this.key = key;
            this.read = read;
        }
    }

    /** How an item's date must relate to the instant. */
    enum Op {
        BEFORE("before"),
        AFTER("after"),
        WITHIN("within");

        static final Choice<Op> CHOICE = Choice.<Op>of("operation", "within")
                .add("before", BEFORE).add("after", AFTER).add("within", WITHIN).build();

        final String key;

        Op(String key) {
            this.key = key;
        }

        boolean keeps(Instant date, Instant bound, Instant now) {
            return switch (this) {
                case BEFORE -> date.isBefore(bound);
                case AFTER -> date.isAfter(bound);
                case WITHIN -> bound.isBefore(now)
                        ? !date.isBefore(bound) && !date.isAfter(now)
                        : !date.isBefore(now) && !date.isAfter(bound);
            };
        }
    }

    public static final BlockType TYPE = new BlockType("DateFilterBlock", "Date Filter", "Manipulate",
            "Keeps items dated before or after a moment, or within the span from now to it. Give a date"
                    + " (2024-06-30) or a time relative to now: \"-2 days\", \"3 hours\", \"1 week\", \"now\"."
                    + " Items without the date are removed.",
            List.of(OptionSpec.choice("Date", DateField.CHOICE.defaultKey(), DateField.CHOICE.keys()),
                    OptionSpec.choice("Keep items", Op.CHOICE.defaultKey(), Op.CHOICE.keys()),
                    OptionSpec.text("Date or relative time", "-2 days").withTextPort()),
            1, Value.Kind.FEED, new DateFilterBlock());

    private DateFilterBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        String value = call.options().text(VALUE).strip();
        if (value.isEmpty()) {
            return new Value.Items(feed);
        }
        DateField field = DateField.CHOICE.resolve(call.options().text(FIELD));
        Op op = Op.CHOICE.resolve(call.options().text(OP));
        Instant now = ctx.clock().instant();
        Instant bound = DateExpression.parse(value, now);
        String rule = field.key + " is not " + op.key + " " + value;
        String undated = "has no " + field.key + " date";

        Deadline deadline = ctx.deadline();
        List<Item> kept = new ArrayList<>(feed.items().size());
        for (Item item : feed.items()) {
            deadline.check();
            Instant date = field.read.apply(item);
            if (date == null) {
                ctx.dropped(item, undated);
            } else if (op.keeps(date, bound, now)) {
                kept.add(item);
            } else {
                ctx.dropped(item, rule);
            }
        }
        return new Value.Items(kept.size() == feed.items().size() ? feed : feed.withItems(kept));
    }
}
