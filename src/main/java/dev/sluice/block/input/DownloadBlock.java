package dev.sluice.block.input;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.fetch.Download;
import java.util.List;

/**
 * Downloads a page or file as it is (HTML, XML, JSON, text) for Extract, Build Feed, Images and
 * Tables; blocks that take feeds parse it as one. Rendering the page's JavaScript first is a
 * plan feature that also needs a browser configured on the server; the browser's own requests
 * go through the same SSRF-guarded downloader (dev.sluice.render).
 */
public final class DownloadBlock implements Block {
    static final String JS_NOT_IN_PLAN = "Rendering JavaScript needs a plan that includes it";
    static final String JS_NOT_CONFIGURED = RunContext.JS_NOT_CONFIGURED;

    public static final BlockType TYPE = new BlockType("DownloadBlock", "Download", "Inputs",
            "Downloads a web page or file as it is, for Extract, Build Feed, Images or Tables to take apart."
                    + " Execute JavaScript needs a plan that includes it and a browser on the server; a page"
                    + " that cannot be fetched is an error, not an empty document as in Pipes CE.",
            List.of(OptionSpec.text("URL", "").withTextPort(), OptionSpec.flag("Execute JavaScript")),
            0, Value.Kind.DOCUMENT, new DownloadBlock());

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        return new Value.Document(download(call, ctx));
    }

    /**
     * The download {@code userinputs} [url, executeJs] ask for, as Pipes CE's Download and
     * WateredDownload blocks share them: fetched, or rendered in the browser when the box is ticked
     * (a plan feature checked here, not only in the editor, since a request can tick it too).
     */
    public static Download download(BlockCall call, RunContext ctx) {
        String url = call.options().text(0).strip();
        if (url.isEmpty()) {
            throw new BlockError("No URL to download");
        }
        if (call.options().flag(1)) {
            if (!ctx.jsRenderingAllowed()) {
                throw new BlockError(JS_NOT_IN_PLAN);
            }
            if (ctx.integrations().browser().isEmpty()) {
                throw new BlockError(JS_NOT_CONFIGURED);
            }
            return ctx.render(url);
        }
        return ctx.fetch(url);
    }
}
