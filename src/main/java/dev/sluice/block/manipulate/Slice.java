package dev.sluice.block.manipulate;

import dev.sluice.block.Deadline;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.List;

/** Keeps a run of a feed's items (Truncate, Tail) and reports every other item as dropped. */
final class Slice {
    private Slice() {
    }

    /** Items {@code from} (inclusive) to {@code to} (exclusive); the rest are dropped with {@code rule}. */
    static Value keep(Feed feed, int from, int to, String rule, RunContext ctx) {
        List<Item> items = feed.items();
        if (from == 0 && to == items.size()) {
            return new Value.Items(feed);
        }
        Deadline deadline = ctx.deadline();
        for (int i = 0; i < items.size(); i++) {
            if (i < from || i >= to) {
                deadline.check();
                ctx.dropped(items.get(i), rule);
            }
        }
        return new Value.Items(feed.withItems(items.subList(from, to)));
    }
}
