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
import dev.sluice.url.LinkKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes duplicates: items with the same key (guid, cleaned link or normalised title), of which
 * one is kept (the first, the newest or the longest). Kept items stay in their input order.
 * {@code userinputs}: [compare by, keep, extra tracking parameters].
 *
 * <p>Pipes CE's Unique had no options and kept the first item of each guid; blank or missing
 * options mean exactly that, so imported pipes behave as before. Deliberately different from
 * Pipes CE: every item has a guid by the GUID policy (the feed's id, else the link, else a
 * content hash), so items without a feed guid are not all collapsed into one.
 */
public final class UniqueBlock implements Block {
    static final int COMPARE = 0;
    static final int KEEP = 1;
    static final int EXTRA_TRACKING = 2;

    /** How much of the kept item's title a drop's rule quotes. */
    private static final int QUOTED = 80;

    public static final BlockType TYPE = new BlockType("UniqueBlock", "Unique", "Manipulate",
            "Removes duplicate items, for example the same story in two combined feeds. Compares by guid"
                    + " (the feed's id for the item, else its link: the default, as in Pipes CE), by link"
                    + " (ignoring tracking parameters such as utm_source, the #fragment, http or https and a"
                    + " trailing slash) or by title (ignoring case, punctuation and spacing). Keeps the first"
                    + " of the duplicates, the newest (undated items lose) or the longest (most text)."
                    + " Kept items stay in feed order; items without the compared field are kept. More"
                    + " parameters to ignore: names separated by commas, name* for all starting so.",
            List.of(OptionSpec.choice("Compare by", UniqueKey.CHOICE.defaultKey(), UniqueKey.CHOICE.keys()),
                    OptionSpec.choice("Keep", UniqueKeep.CHOICE.defaultKey(), UniqueKeep.CHOICE.keys()),
                    TrackingOption.spec("Also ignore parameters")),
            1, Value.Kind.FEED, new UniqueBlock());

    private UniqueBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        UniqueKey compare = UniqueKey.CHOICE.resolve(call.options().text(COMPARE));
        UniqueKeep keep = UniqueKeep.CHOICE.resolve(call.options().text(KEEP));
        LinkKey links = new LinkKey(TrackingOption.read(call.options(), EXTRA_TRACKING));
        UniqueKeep.Lengths lengths = new UniqueKeep.Lengths();
        Deadline deadline = ctx.deadline();

        // First pass: the winner of each key. Second: keep winners and keyless items, in input order.
        List<Item> items = feed.items();
        String[] keys = new String[items.size()];
        Map<String, Integer> winners = HashMap.newHashMap(items.size());
        int keyed = 0;
        for (int i = 0; i < keys.length; i++) {
            deadline.check();
            Item item = items.get(i);
            String key = compare.of(item, links);
            if (key == null) {
                continue;
            }
            keys[i] = key;
            keyed++;
            Integer winner = winners.putIfAbsent(key, i);
            if (winner != null && keep.beats(item, items.get(winner), lengths)) {
                winners.put(key, i);
            }
        }
        if (winners.size() == keyed) {
            return new Value.Items(feed);
        }

        List<Item> kept = new ArrayList<>(winners.size() + keys.length - keyed);
        for (int i = 0; i < keys.length; i++) {
            deadline.check();
            Item item = items.get(i);
            int winner = keys[i] == null ? i : winners.get(keys[i]);
            if (winner == i) {
                kept.add(item);
            } else {
                Item w = items.get(winner);
                ctx.dropped(item, "duplicate " + compare.label() + ": kept \"" + quoted(w) + "\", which "
                        + keep.why(w, item, lengths));
            }
        }
        return new Value.Items(feed.withItems(kept));
    }

    /** The kept item as the trace names it: its title, else its link, else its guid. */
    private static String quoted(Item item) {
        String name = !item.title().isBlank() ? item.title() : !item.link().isBlank() ? item.link() : item.guid();
        return Shortener.plain(name.strip(), QUOTED);
    }
}
