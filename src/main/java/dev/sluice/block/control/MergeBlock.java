package dev.sluice.block.control;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Category;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs the items of two feeds by position and joins each pair into one item: the first input's
 * item, whose content and description become the two contents (descriptions) joined by the
 * format ({@link MergeFormat}), with the categories of both and the second's author or enclosures
 * where the first has none. {@code userinputs}: [format (text port)].
 *
 * <p>Pipes CE crashed when the second feed was shorter than the first and silently lost the
 * second's surplus items when it was longer. Here the pairs stop at the shorter feed and the
 * longer feed's remaining items follow unchanged, so nothing is lost. With only one input
 * connected that input passes through.
 *
 * <p>Two more deliberate differences: a merged item keeps the first item's guid (Pipes CE hashed
 * the merged texts, so one new item in the second feed shifted every pair and readers saw every
 * merged item again), and a separator is only placed between two non-empty texts. Where both
 * items have an author the first's is kept (Pipes CE glued the two names together).
 */
public final class MergeBlock implements Block {
    static final int FORMAT = 0;
    static final String TITLE_SEPARATOR = " & ";

    public static final BlockType TYPE = new BlockType("MergeBlock", "Merge", "Control",
            "Joins two feeds item by item: the first item of each, then the second of each, and so on."
                    + " The format joins the two contents: a template with \\1 and \\2 (e.g. \"\\1<hr>\\2\"),"
                    + " or a separator placed between two non-empty texts. Extra items of the longer feed are kept"
                    + " as they are, and merged items keep the first item's guid (unlike Pipes CE).",
            List.of(OptionSpec.text("Format", "").withTextPort()),
            2, Value.Kind.FEED, new MergeBlock());

    private MergeBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        boolean firstConnected = connected(call, 0);
        boolean secondConnected = connected(call, 1);
        if (!secondConnected) {
            return new Value.Items(call.feed(0));
        }
        if (!firstConnected) {
            return new Value.Items(call.feed(1));
        }
        Feed first = call.feed(0);
        Feed second = call.feed(1);
        MergeFormat format = MergeFormat.of(call.options().text(FORMAT));
        Deadline deadline = ctx.deadline();

        List<Item> a = first.items();
        List<Item> b = second.items();
        int pairs = Math.min(a.size(), b.size());
        List<Item> merged = new ArrayList<>(Math.max(a.size(), b.size()));
        for (int i = 0; i < pairs; i++) {
            deadline.check();
            merged.add(merge(a.get(i), b.get(i), format));
        }
        merged.addAll(a.subList(pairs, a.size()));
        merged.addAll(b.subList(pairs, b.size()));
        return new Value.Items(new Feed(channel(first.channel(), second.channel()), merged));
    }

    private static boolean connected(BlockCall call, int slot) {
        return slot < call.inputs().size() && call.inputs().get(slot) != null;
    }

    private static Item merge(Item first, Item second, MergeFormat format) {
        List<Category> categories = new ArrayList<>(first.categories());
        for (Category c : second.categories()) {
            if (!categories.contains(c)) {
                categories.add(c);
            }
        }
        return first.toBuilder()
                .content(format.apply(first.content(), second.content()))
                .description(format.apply(first.description(), second.description()))
                .author(first.author().isEmpty() ? second.author() : first.author())
                .enclosures(first.enclosures().isEmpty() ? second.enclosures() : first.enclosures())
                .categories(categories)
                .build();
    }

    /** Titles joined as Combine does; link, description and image from the first; the later update. */
    private static Channel channel(Channel first, Channel second) {
        String title = first.title().isBlank() ? second.title()
                : second.title().isBlank() ? first.title()
                : first.title().strip() + TITLE_SEPARATOR + second.title().strip();
        Instant updated = first.updated() == null ? second.updated()
                : second.updated() != null && second.updated().isAfter(first.updated()) ? second.updated()
                : first.updated();
        return new Channel(title,
                first.link().isEmpty() ? second.link() : first.link(),
                first.description().isEmpty() ? second.description() : first.description(),
                updated,
                first.image() == null || first.image().isEmpty() ? second.image() : first.image());
    }
}
