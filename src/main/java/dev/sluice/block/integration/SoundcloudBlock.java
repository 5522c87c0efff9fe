package dev.sluice.block.integration;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/** A Soundcloud user's tracks (or playlists, likes, …) through RSS-Bridge's Soundcloud bridge. */
public final class SoundcloudBlock implements Block {
    /** What RSS-Bridge lists when no type is chosen: everything. */
    static final String ALL = "all";

    public static final BlockType TYPE = new BlockType("SoundcloudBlock", "Soundcloud", "Integrations",
            "A Soundcloud user's uploads, read through the server's RSS-Bridge; the type narrows it "
                    + "(all, tracks, playlists, …).",
            List.of(OptionSpec.text("User", "").withTextPort(), OptionSpec.text("Type", ALL)),
            0, Value.Kind.FEED, new SoundcloudBlock());

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        String user = call.options().text(0).strip();
        if (user.isEmpty()) {
            throw new BlockError("No Soundcloud user given");
        }
        return RssBridge.fetch(ctx, "Soundcloud", "Soundcloud", "u", user, "t", call.options().text(1, ALL));
    }
}
