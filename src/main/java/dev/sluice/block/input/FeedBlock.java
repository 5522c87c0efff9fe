package dev.sluice.block.input;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.FeedDiscovery;
import dev.sluice.feed.YouTubeFeeds;
import dev.sluice.fetch.Download;
import java.util.List;

/**
 * Fetches and parses a feed. A web page URL works too: the page's announced feed
 * ({@code <link rel="alternate">}) is used, and YouTube channel, user and playlist pages map to
 * YouTube's own feeds.
 */
public final class FeedBlock implements Block {
    public static final BlockType TYPE = new BlockType("FeedBlock", "Feed", "Inputs",
            "Fetches an RSS, Atom or JSON feed. Give a feed URL, or a web page that announces its feed, "
                    + "or a YouTube channel or playlist page.",
            List.of(OptionSpec.text("URL", "").withTextPort()),
            0, Value.Kind.FEED, new FeedBlock());

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        String url = call.options().text(0).strip();
        if (url.isEmpty()) {
            throw new BlockError("No feed URL");
        }
        Download download = ctx.fetch(YouTubeFeeds.feedUrlFor(url).orElse(url));
        if (FeedDiscovery.looksLikeHtml(download.body(), download.contentType())) {
            List<String> feeds = FeedDiscovery.discover(download.body(), download.contentType(), download.finalUrl());
            if (feeds.isEmpty()) {
                throw new BlockError("The page at " + url + " is HTML and announces no feed");
            }
            download = ctx.fetch(feeds.get(0));
        }
        return new Value.Items(ctx.parseFeed(download));
    }
}
