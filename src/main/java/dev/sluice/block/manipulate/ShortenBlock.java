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
import java.util.ArrayList;
import java.util.List;

/**
 * Shortens one field of every item to N characters, "…" included, without breaking HTML.
 * {@code userinputs}: [length (text port), field].
 *
 * <p>Defaults follow Pipes CE where it had one (length 200). Pipes CE had no default field and
 * silently changed nothing when none was chosen; Sluice defaults to the description (summary),
 * the teaser feed readers show in their lists, which is what people shorten.
 */
public final class ShortenBlock implements Block {
    static final int LENGTH = 0;
    static final int FIELD = 1;
    static final int DEFAULT_LENGTH = 200;

    /** The field to shorten and whether it holds HTML (a title is plain text). */
    private record Target(ItemText field, boolean html) {
    }

    static final Choice<Target> FIELDS = Choice.<Target>of("field", "description")
            .add("description", new Target(ItemText.DESCRIPTION, true))
            .add("summary", new Target(ItemText.DESCRIPTION, true))
            .add("content", new Target(ItemText.CONTENT, true))
            .add("title", new Target(ItemText.TITLE, false))
            .build();

    public static final BlockType TYPE = new BlockType("ShortenBlock", "Shorten", "Manipulate",
            "Shortens the description (or content, or title) of every item to at most N characters,"
                    + " ending in \"…\". Links and formatting in the kept part stay intact.",
            List.of(OptionSpec.number("Length", String.valueOf(DEFAULT_LENGTH)).withTextPort(),
                    OptionSpec.choice("Field", FIELDS.defaultKey(), FIELDS.keys())),
            1, Value.Kind.FEED, new ShortenBlock());

    private ShortenBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        int length = Count.atLeastOne(call.options(), LENGTH, "Length", DEFAULT_LENGTH);
        Target target = FIELDS.resolve(call.options().text(FIELD));

        Deadline deadline = ctx.deadline();
        List<Item> out = new ArrayList<>(feed.items().size());
        boolean changed = false;
        for (Item item : feed.items()) {
            deadline.check();
            String before = target.field().of(item);
            String after = target.html() ? Shortener.html(before, length) : Shortener.plain(before, length);
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
