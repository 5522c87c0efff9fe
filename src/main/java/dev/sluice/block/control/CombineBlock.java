package dev.sluice.block.control;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Concatenates its inputs in slot order, items unchanged. The channel title and description join
 * the inputs' with " &amp; ", as in Pipes CE (skipping empty ones, such as a failed upstream's);
 * link and image come from the first input that has one; {@code updated} is the latest input's,
 * since the combination changed when any part did. No options; inputs grow as they fill.
 */
public final class CombineBlock implements Block {
    static final String TITLE_SEPARATOR = " & ";

    public static final BlockType TYPE = new BlockType("CombineBlock", "Combine", "Control",
            "Merges any number of feeds into one: all items of the first input, then of the second,"
                    + " and so on. Add Sort after it to interleave them by date.",
            List.of(), BlockType.GROWING, Value.Kind.FEED, new CombineBlock());

    private CombineBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        List<Feed> feeds = call.feeds();
        if (feeds.size() == 1) {
            return new Value.Items(feeds.get(0));
        }
        Deadline deadline = ctx.deadline();
        int total = 0;
        for (Feed f : feeds) {
            total += f.items().size();
        }
        List<Item> items = new ArrayList<>(total);
        StringJoiner title = new StringJoiner(TITLE_SEPARATOR);
        StringJoiner description = new StringJoiner(TITLE_SEPARATOR);
        String link = "";
        String image = null;
        Instant updated = null;
        for (Feed f : feeds) {
            deadline.check();
            items.addAll(f.items());
            Channel c = f.channel();
            if (!c.title().isBlank()) {
                title.add(c.title().strip());
            }
            if (!c.description().isBlank()) {
                description.add(c.description().strip());
            }
            link = link.isEmpty() ? c.link() : link;
            image = image == null || image.isEmpty() ? c.image() : image;
            updated = updated == null || (c.updated() != null && c.updated().isAfter(updated)) ? c.updated() : updated;
        }
        return new Value.Items(new Feed(new Channel(title.toString(), link, description.toString(), updated, image), items));
    }
}
