package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import java.util.List;

/** Keeps the last N items. {@code userinputs}: [count]. */
public final class TailBlock implements Block {
    static final int COUNT = 0;
    static final int DEFAULT_COUNT = 10;

    public static final BlockType TYPE = new BlockType("TailBlock", "Tail", "Manipulate",
            "Keeps only the last N items and drops the ones before them, for example the oldest N"
                    + " of a feed sorted newest first.",
            List.of(OptionSpec.number("Count", String.valueOf(DEFAULT_COUNT))),
            1, Value.Kind.FEED, new TailBlock());

    private TailBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        int count = Count.atLeastOne(call.options(), COUNT, "Count", DEFAULT_COUNT);
        int size = feed.items().size();
        return Slice.keep(feed, Math.max(0, size - count), size, "before the last " + count + " items", ctx);
    }
}
