package dev.sluice.block.output;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/**
 * The root of every pipe (block id {@code "output"}): a pass-through whose input is what the
 * pipe's feed URL serves — a feed, or a data tree from the data blocks. It never checks the deadline: once a run gets here, its result is
 * whatever completed, and throwing now would only discard it.
 */
public final class OutputBlock implements Block {

    public static final BlockType TYPE = new BlockType("OutputBlock", "Output", "Output",
            "The end of the pipe: whatever reaches it is the pipe's feed, available as RSS, Atom and"
                    + " JSON Feed at the pipe's feed URL (data from data blocks: as JSON and XML).",
            List.of(), 1, Value.Kind.FEED, new OutputBlock()).accepting(Value.Kind.FEED, Value.Kind.DATA);

    private OutputBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Value input = call.inputs().isEmpty() ? null : call.inputs().get(0);
        return input != null ? input : Value.Items.EMPTY;
    }
}
