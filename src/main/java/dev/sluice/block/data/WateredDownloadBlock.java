package dev.sluice.block.data;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.block.input.DownloadBlock;
import java.util.List;

/**
 * Downloads a JSON or XML document as a data tree, the start of a data pipe. Its options are the
 * Download block's, [url, executeJs], as in Pipes CE, where it was the Download block with its
 * result read as data.
 */
public final class WateredDownloadBlock implements Block {
    public static final BlockType TYPE = new BlockType("WateredDownloadBlock", "Download data", "Data",
            "Downloads a JSON or XML file as data for the other data blocks, which address its parts with"
                    + " JSONPath such as $.items[*].title. Execute JavaScript needs a plan that includes it"
                    + " and a browser on the server.",
            List.of(OptionSpec.text("URL", "").withTextPort(), OptionSpec.flag("Execute JavaScript")),
            0, Value.Kind.DATA, new WateredDownloadBlock());

    private WateredDownloadBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        return DataTrees.parse(DownloadBlock.download(call, ctx));
    }
}
