package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import java.util.List;

/**
 * Keeps the first N items. {@code userinputs}: [count].
 *
 * <p>The count is read as Pipes CE read it: Ruby's {@code to_i} (the leading whole number, so
 * "5.7" is 5 and a blank or "abc" is 0), and anything below 1 means 1. Pipe authors relied on a
 * blank count giving the newest item, so it is not an error here either.
 */
public final class TruncateBlock implements Block {
    static final int COUNT = 0;
    static final int MIN_COUNT = 1;

    public static final BlockType TYPE = new BlockType("TruncateBlock", "Truncate", "Manipulate",
            "Keeps only the first N items and drops the rest. Put it after Sort to get the N newest."
                    + " A blank, zero or negative count keeps 1 item, as in Pipes CE.",
            List.of(OptionSpec.number("Count", String.valueOf(MIN_COUNT))),
            1, Value.Kind.FEED, new TruncateBlock());

    private TruncateBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        int count = Count.clamp(Math.max(MIN_COUNT, Count.rubyToI(call.options(), COUNT).orElse(0)));
        return Slice.keep(feed, 0, Math.min(count, feed.items().size()), "after the first " + count + " items", ctx);
    }
}
