package dev.sluice.block.text;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/**
 * Joins its parts, in order, into one text: fixed words around pipe parameters, for example.
 * {@code userinputs}: [part 1, part 2, …] (each a text port). The palette offers
 * {@link #PARTS} parts; a pipe that stores more has them all joined.
 */
public final class StringBuilderBlock implements Block {
    static final int PARTS = 4;

    public static final BlockType TYPE = new BlockType("StringBuilderBlock", "String Builder", "Create",
            "Joins its parts into one text, in order and without separators. Connect Text Inputs to"
                    + " parts to build a search term or a URL from pipe parameters.",
            List.of(OptionSpec.text("Part 1", "").withTextPort(), OptionSpec.text("Part 2", "").withTextPort(),
                    OptionSpec.text("Part 3", "").withTextPort(), OptionSpec.text("Part 4", "").withTextPort()),
            0, Value.Kind.TEXT, new StringBuilderBlock());

    private StringBuilderBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < call.options().size(); i++) {
            text.append(call.options().text(i));
        }
        return new Value.Text(text.toString());
    }
}
