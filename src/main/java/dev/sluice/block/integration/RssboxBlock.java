package dev.sluice.block.integration;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/**
 * A video or audio service read through the server's rssbox instance ({@code SLUICE_RSSBOX_URL}):
 * {@code <rssbox>/<service>?q=<what the user typed>}, which rssbox answers with (a redirect to)
 * the feed. The services differ only in their endpoint, so one class serves them all.
 */
public final class RssboxBlock implements Block {
    public static final BlockType DAILYMOTION = type("DailymotionBlock", "Dailymotion", "dailymotion", "user or video URL");
    public static final BlockType MIXCLOUD = type("MixcloudBlock", "Mixcloud", "mixcloud", "user or URL");
    public static final BlockType SPEEDRUN = type("SpeedrunBlock", "Speedrun", "speedrun", "game or URL");
    public static final BlockType SVTPLAY = type("SvtplayBlock", "SVT Play", "svtplay", "programme URL");
    public static final BlockType VIMEO = type("VimeoBlock", "Vimeo", "vimeo", "user or URL");
    public static final BlockType TWITCH = type("TwitchBlock", "Twitch", "twitch", "channel or URL");

    /** Every rssbox-backed block type, for the catalogue. */
    public static final List<BlockType> TYPES = List.of(DAILYMOTION, MIXCLOUD, SPEEDRUN, SVTPLAY, VIMEO, TWITCH);

    private final String service;
    private final String endpoint;

    private RssboxBlock(String service, String endpoint) {
        this.service = service;
        this.endpoint = endpoint;
    }

    private static BlockType type(String name, String label, String endpoint, String what) {
        return new BlockType(name, label, "Integrations",
                "New uploads on " + label + " for a " + what + ", read through the server's rssbox"
                        + " (what you type is URL-encoded, unlike in Pipes CE).",
                List.of(OptionSpec.text(capitalised(what), "").withTextPort()),
                0, Value.Kind.FEED, new RssboxBlock(label, endpoint));
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        String base = ctx.integrations().rssBox().orElseThrow(() -> new BlockError(
                service + " needs an rssbox instance (SLUICE_RSSBOX_URL)"));
        String query = call.options().text(0).strip();
        if (query.isEmpty()) {
            throw new BlockError("Nothing to look up on " + service + ": give a name or URL");
        }
        String url = GatewayUrl.withQuery(GatewayUrl.withPath(base, endpoint), "q", query);
        return new Value.Items(ctx.parseFeed(ctx.fetch(url)));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
