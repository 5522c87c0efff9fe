package dev.sluice.block.data;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/**
 * Hands its data to several consumers. The engine runs the input once and shares the result, so
 * the block is a pass-through; consumers never change a tree they receive (they copy it).
 */
public final class WateredDuplicateBlock implements Block {
    public static final BlockType TYPE = new BlockType("WateredDuplicateBlock", "Duplicate data", "Data",
            "Sends the same data to several data blocks, for example to filter it two ways. The data is"
                    + " downloaded only once.",
            List.of(), 1, Value.Kind.DATA, new WateredDuplicateBlock()).accepting(Value.Kind.DATA);

    private WateredDuplicateBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        return DataInputs.data(call, 0);
    }
}
