package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * Shortens one field of every item to N characters, "…" included, without breaking HTML.
 * {@code userinputs}: [length (text port), field].
 *
 * <p>As in Pipes CE: the length is read with Ruby's {@code to_i} (blank means 200; 0, or text
 * that is no number, leaves every item as it was), and the field defaults to content, the first
 * entry of Pipes CE's list. Two deliberate differences: the result is N characters long where
 * Pipes CE's truncation library stopped one short, and the cut counts the visible text of HTML
 * rather than its markup, so no tag or entity is cut in half.
 */
public final class ShortenBlock implements Block {
    static final int LENGTH = 0;
    static final int FIELD = 1;
    static final int DEFAULT_LENGTH = 200;

    /** The field to shorten and whether it holds HTML (a title is plain text). */
    private record Target(ItemText field, boolean html) {
    }

    // Pipes CE's order (content, summary, title), then Sluice's alias for the summary.
    static final Choice<Target> FIELDS = Choice.<Target>of("field", "content")
            .add("content", new Target(ItemText.CONTENT, true))
            .add("summary", new Target(ItemText.DESCRIPTION, true))
            .add("title", new Target(ItemText.TITLE, false))
            .add("description", new Target(ItemText.DESCRIPTION, true))
            .build();

    public static final BlockType TYPE = new BlockType("ShortenBlock", "Shorten", "Manipulate",
            "Shortens the content (or summary, or title) of every item to at most N characters,"
                    + " ending in \"…\" (Pipes CE stopped one character short). HTML is cut by its visible"
                    + " text, so links and formatting in the kept part stay intact. Length 0 changes nothing.",
            List.of(OptionSpec.number("Length", String.valueOf(DEFAULT_LENGTH)).withTextPort(),
                    OptionSpec.choice("Field", FIELDS.defaultKey(), FIELDS.keys())),
            1, Value.Kind.FEED, new ShortenBlock());

    private ShortenBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        long length = Count.rubyToI(call.options(), LENGTH).orElse(DEFAULT_LENGTH);
        if (length == 0) { // Pipes CE's truncation leaves text alone at length 0
            return new Value.Items(feed);
        }
        if (length < 0) {
            throw new BlockError("Length must be at least 1, got \"" + call.options().text(LENGTH).strip() + "\"");
        }
        int max = Count.clamp(length);
        Target target = FIELDS.resolve(call.options().text(FIELD));

        Deadline deadline = ctx.deadline();
        List<Item> out = new ArrayList<>(feed.items().size());
        boolean changed = false;
        for (Item item : feed.items()) {
            deadline.check();
            String before = target.field().of(item);
            String after = target.html() ? Shortener.html(before, max) : Shortener.plain(before, max);
            if (after == before) { // the shortener hands back the same instance when it fits
                out.add(item);
            } else {
                Item.Builder b = item.toBuilder();
                target.field().set(b, after);
                out.add(b.build());
                changed = true;
            }
        }
        return new Value.Items(changed ? feed.withItems(out) : feed);
    }
}
