package dev.sluice.block.integration;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.Arrays;
import java.util.List;

/**
 * A subreddit's posts, or several subreddits' ("rust, java"), through RSS-Bridge: Reddit answers
 * feed requests from servers with 429 too often to be asked directly.
 */
public final class RedditBlock implements Block {
    public static final BlockType TYPE = new BlockType("RedditBlock", "Reddit", "Integrations",
            "Posts of a subreddit, or of several separated by commas, read through the server's RSS-Bridge."
                    + " Unlike Pipes CE it asks for Atom (dates and authors survive) and URL-encodes the names.",
            List.of(OptionSpec.text("Subreddit(s)", "").withTextPort()),
            0, Value.Kind.FEED, new RedditBlock());

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        List<String> names = Arrays.stream(call.options().text(0).split(","))
                .map(RedditBlock::bareName)
                .filter(s -> !s.isEmpty())
                .toList();
        if (names.isEmpty()) {
            throw new BlockError("No subreddit given");
        }
        if (names.size() == 1) {
            return RssBridge.fetch(ctx, "Reddit", "Reddit", "context", "single", "r", names.get(0));
        }
        return RssBridge.fetch(ctx, "Reddit", "Reddit", "context", "multi", "rs",
                String.join(",", names));
    }

    /** "r/rust" and "/r/rust" as people paste them mean "rust". */
    private static String bareName(String typed) {
        String name = typed.strip();
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        return name.startsWith("r/") ? name.substring(2).strip() : name;
    }
}
