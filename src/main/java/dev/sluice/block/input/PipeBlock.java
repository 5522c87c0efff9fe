package dev.sluice.block.input;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/**
 * Another stored pipe used as a block: its output, computed within this run's deadline.
 * {@code userinputs}: [pipeId]. Its Text Inputs take their defaults, not this run's parameters,
 * as in Pipes CE.
 */
public final class PipeBlock implements Block {
    public static final BlockType TYPE = new BlockType("PipeBlock", "Pipe", "Inputs",
            "The output of another pipe — one of yours or a public one (Pipes CE ran any pipe whose id it"
                    + " was given). It runs within this pipe's time limit, its Text Inputs at their defaults.",
            List.of(OptionSpec.text("Pipe id", "")),
            0, Value.Kind.FEED, new PipeBlock());

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        return ctx.runPipe(call.options().text(0).strip());
    }
}
