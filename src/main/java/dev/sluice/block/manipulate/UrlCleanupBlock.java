package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import dev.sluice.url.LinkCleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes tracking parameters (utm_source, fbclid, …: {@link dev.sluice.url.TrackingParameters})
 * from every item's link, and optionally from the links in its description and content and from
 * a guid that is the link. Nothing else in a link changes. {@code userinputs}: [links in content
 * too, guids too, extra tracking parameters].
 *
 * <p>The guid is left alone unless asked: readers recognise items they have shown by their guid,
 * so changing guids makes every reader show the current items once more as new, and would again
 * whenever the list of tracking parameters grows. Cleaning guids is for feeds without guids of
 * their own whose tracking parameters change from one fetch to the next, which makes readers
 * show the same story again and again.
 */
public final class UrlCleanupBlock implements Block {
    static final int IN_CONTENT = 0;
    static final int GUIDS = 1;
    static final int EXTRA_TRACKING = 2;

    public static final BlockType TYPE = new BlockType("UrlCleanupBlock", "URL Cleanup", "Manipulate",
            "Removes tracking parameters (utm_source and the other utm_ tags, fbclid, gclid, mc_cid, ref, si…)"
                    + " from each item's link, leaving the rest of the link as it is. Optionally also from the"
                    + " links in the description and content, and from guids that are the link: only for"
                    + " feeds whose tracking changes on every fetch, because changed guids make readers show"
                    + " items again. More parameters: names separated by commas, name* for all starting so.",
            List.of(OptionSpec.flag("Links in content too"),
                    OptionSpec.flag("Guids too"),
                    TrackingOption.spec("Also remove parameters")),
            1, Value.Kind.FEED, new UrlCleanupBlock());

    private UrlCleanupBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        boolean inContent = call.options().flag(IN_CONTENT);
        boolean guids = call.options().flag(GUIDS);
        LinkCleaner cleaner = new LinkCleaner(TrackingOption.read(call.options(), EXTRA_TRACKING));

        Deadline deadline = ctx.deadline();
        List<Item> out = new ArrayList<>(feed.items().size());
        boolean changed = false;
        for (Item item : feed.items()) {
            deadline.check();
            Item cleaned = clean(item, cleaner, inContent, guids);
            out.add(cleaned);
            changed |= cleaned != item;
        }
        return new Value.Items(changed ? feed.withItems(out) : feed);
    }

    /** {@code item} with clean links; the same instance when none had tracking parameters. */
    private static Item clean(Item item, LinkCleaner cleaner, boolean inContent, boolean guids) {
        // The cleaners hand back the very same string when they removed nothing.
        String link = cleaner.clean(item.link());
        String guid = guids && link != item.link() && item.guid().equals(item.link()) ? link : item.guid();
        String description = inContent ? cleaner.cleanHtml(item.description()) : item.description();
        String content = inContent ? cleaner.cleanHtml(item.content()) : item.content();
        if (link == item.link() && guid == item.guid() && description == item.description() && content == item.content()) {
            return item;
        }
        return item.toBuilder().link(link).guid(guid).description(description).content(content).build();
    }
}
