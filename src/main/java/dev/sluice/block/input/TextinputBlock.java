package dev.sluice.block.input;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/**
 * A named pipe parameter: produces its default, or the value of the same-named query parameter
 * of the feed URL. Connected to a text connector, it overrides that option of another block.
 */
public final class TextinputBlock implements Block {
    public static final BlockType TYPE = new BlockType("TextinputBlock", "Text Input", "Inputs",
            "A pipe parameter. Its name becomes a query parameter of the feed URL (?name=value) that "
                    + "overrides the default; connect it to a block's text connector.",
            List.of(OptionSpec.text("Name", ""), OptionSpec.text("Default", "")),
            0, Value.Kind.TEXT, new TextinputBlock());

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        String name = call.options().text(0).strip();
        String fallback = call.options().text(1);
        return new Value.Text(name.isEmpty() ? fallback : ctx.param(name).orElse(fallback));
    }
}
