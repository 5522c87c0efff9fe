package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import java.util.List;

/** Keeps the first N items. {@code userinputs}: [count]. */
public final class TruncateBlock implements Block {
    static final int COUNT = 0;
    static final int DEFAULT_COUNT = 10;

    public static final BlockType TYPE = new BlockType("TruncateBlock", "Truncate", "Manipulate",
            "Keeps only the first N items and drops the rest. Put it after Sort to get the N newest.",
            List.of(OptionSpec.number("Count", String.valueOf(DEFAULT_COUNT))),
            1, Value.Kind.FEED, new TruncateBlock());

    private TruncateBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        int count = Count.atLeastOne(call.options(), COUNT, "Count", DEFAULT_COUNT);
        return Slice.keep(feed, 0, Math.min(count, feed.items().size()), "after the first " + count + " items", ctx);
    }
}
