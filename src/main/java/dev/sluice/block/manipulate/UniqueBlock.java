package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the first item of each guid. Every item has a guid by the GUID policy (the feed's id,
 * else the link, else a content hash), so items without a feed guid are not collapsed together.
 * No options.
 */
public final class UniqueBlock implements Block {
    static final String DUPLICATE_RULE = "duplicate guid: an earlier item has the same one";

    public static final BlockType TYPE = new BlockType("UniqueBlock", "Unique", "Manipulate",
            "Removes duplicate items: keeps the first item of each guid (the feed's id for the item,"
                    + " else its link) and drops later ones, for example the same story in two combined feeds."
                    + " Items without an id of their own are told apart by link or content.",
            List.of(), 1, Value.Kind.FEED, new UniqueBlock());

    private UniqueBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        Deadline deadline = ctx.deadline();
        Set<String> seen = HashSet.newHashSet(feed.items().size());
        List<Item> kept = new ArrayList<>(feed.items().size());
        for (Item item : feed.items()) {
            deadline.check();
            // An empty guid should not happen (GUID policy); if it does, it identifies nothing.
            if (item.guid().isEmpty() || seen.add(item.guid())) {
                kept.add(item);
            } else {
                ctx.dropped(item, DUPLICATE_RULE);
            }
        }
        return new Value.Items(kept.size() == feed.items().size() ? feed : feed.withItems(kept));
    }
}
