package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds items back until they are at least N hours old by their date (published, else updated),
 * so subscribers see them late: after corrections, or when spoilers no longer matter. Nothing is
 * stored; an item simply appears in the output once the run's clock has passed its date plus the
 * delay. {@code userinputs}: [hours].
 *
 * <p>An undated item has no age, so it could never become old enough: it is dropped and reported
 * rather than let through early. 0 hours holds only items dated in the future.
 */
public final class DelayBlock implements Block {
    static final int HOURS = 0;
    static final int DEFAULT_HOURS = 24;
    static final String UNDATED = "has no date, so its age is unknown";

    public static final BlockType TYPE = new BlockType("DelayBlock", "Delay", "Manipulate",
            "Holds each item back until it is at least the given number of hours old, by its date,"
                    + " so readers see it late. Items without a date are removed.",
            List.of(OptionSpec.number("Hours", String.valueOf(DEFAULT_HOURS))),
            1, Value.Kind.FEED, new DelayBlock());

    private DelayBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        int hours = call.options().integer(HOURS, DEFAULT_HOURS);
        if (hours < 0) {
            throw new BlockError("Hours must be 0 or more, got " + hours);
        }
        Instant newest = ctx.clock().instant().minus(Duration.ofHours(hours));
        String tooYoung = "is less than " + hours + (hours == 1 ? " hour" : " hours") + " old";

        Deadline deadline = ctx.deadline();
        List<Item> kept = new ArrayList<>(feed.items().size());
        for (Item item : feed.items()) {
            deadline.check();
            Instant date = item.date();
            if (date == null) {
                ctx.dropped(item, UNDATED);
            } else if (date.isAfter(newest)) {
                ctx.dropped(item, tooYoung);
            } else {
                kept.add(item);
            }
        }
        return new Value.Items(kept.size() == feed.items().size() ? feed : feed.withItems(kept));
    }
}
