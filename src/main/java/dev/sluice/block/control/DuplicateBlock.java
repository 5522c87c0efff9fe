package dev.sluice.block.control;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/**
 * Hands its input to several consumers. The engine runs the input once and shares the result
 *, so the block itself is a pass-through; its outputs grow in the editor.
 */
public final class DuplicateBlock implements Block {

    public static final BlockType TYPE = new BlockType("DuplicateBlock", "Duplicate", "Control",
            "Sends the same feed to several blocks, for example to filter it two ways and combine"
                    + " the results. The feed is fetched only once.",
            List.of(), 1, Value.Kind.FEED, new DuplicateBlock());

    private DuplicateBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Value input = call.inputs().isEmpty() ? null : call.inputs().get(0);
        return input != null ? input : Value.Items.EMPTY;
    }
}
