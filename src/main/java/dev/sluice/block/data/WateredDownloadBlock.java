package dev.sluice.block.data;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/** Downloads a JSON or XML document as a data tree, the start of a data pipe. */
public final class WateredDownloadBlock implements Block {
    public static final BlockType TYPE = new BlockType("WateredDownloadBlock", "Download data", "Data",
            "Downloads a JSON or XML file as data for the other data blocks, which address its parts with"
                    + " JSONPath such as $.items[*].title.",
            List.of(OptionSpec.text("URL", "").withTextPort()),
            0, Value.Kind.DATA, new WateredDownloadBlock());

    private WateredDownloadBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        String url = call.options().text(0).strip();
        if (url.isEmpty()) {
            throw new BlockError("No URL to download");
        }
        return DataTrees.parse(ctx.fetch(url));
    }
}
