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
    /** What RSS-Bridge lists when no type is chosen: everything but likes. */
    static final String ALL = "all";
    /** The types Pipes CE's editor offered, in its order; RSS-Bridge's Soundcloud bridge takes them as {@code t}. */
    static final String[] TYPES = {ALL, "tracks", "albums", "playlists", "reposts", "likes"};

    public static final BlockType TYPE = new BlockType("SoundcloudBlock", "Soundcloud", "Integrations",
            "A Soundcloud user's uploads, read through the server's RSS-Bridge; the type narrows it "
                    + "(all but likes, tracks, albums, playlists, reposts, likes). Asks for Atom, and the user"
                    + " name is URL-encoded.",
            List.of(OptionSpec.text("User", "").withTextPort(), OptionSpec.choice("Type", ALL, TYPES)),
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
