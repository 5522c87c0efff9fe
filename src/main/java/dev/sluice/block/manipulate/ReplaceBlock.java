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
import dev.sluice.pattern.Replacement;
import dev.sluice.pattern.UserPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces every occurrence of a pattern in the chosen field(s) of each item.
 * {@code userinputs}: [pattern (text port), replacement (text port), field].
 *
 * <p>Fields and the replacement's syntax are Pipes CE's (Ruby's {@code gsub}); Sluice adds the
 * {@code $1} and {@code ${name}} forms, which only count when they name a group of the pattern.
 */
public final class ReplaceBlock implements Block {
    static final int PATTERN = 0;
    static final int REPLACEMENT = 1;
    static final int FIELD = 2;

    // Pipes CE's list in its order ("all" is all but the guid), then Sluice's additions.
    static final Choice<List<ItemText>> FIELDS = Choice.<List<ItemText>>of("field", "all")
            .add("all", List.of(ItemText.TITLE, ItemText.DESCRIPTION, ItemText.CONTENT))
            .add("content", List.of(ItemText.CONTENT))
            .add("summary", List.of(ItemText.DESCRIPTION))
            .add("title", List.of(ItemText.TITLE))
            .add("guid", List.of(ItemText.GUID))
            .add("description", List.of(ItemText.DESCRIPTION))
            .add("link", List.of(ItemText.LINK))
            .build();

    public static final BlockType TYPE = new BlockType("ReplaceBlock", "Replace", "Manipulate",
            "Replaces every occurrence of a pattern (a plain phrase or a regex like /(\\d+) comments/i)"
                    + " with the replacement, in title, description and content (\"all\") or one field."
                    + " The replacement can reuse matched groups as in Pipes CE: \\1, \\0 for the whole match,"
                    + " \\k<name> for a named group (a group the pattern lacks adds nothing); $1 and ${name} work too.",
            List.of(OptionSpec.text("Pattern", "").withTextPort(),
                    OptionSpec.text("Replacement", "").withTextPort(),
                    OptionSpec.choice("Field", FIELDS.defaultKey(), FIELDS.keys())),
            1, Value.Kind.FEED, new ReplaceBlock());

    private ReplaceBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        String source = call.options().text(PATTERN);
        if (source.isEmpty()) {
            return new Value.Items(feed);
        }
        UserPattern pattern = UserPattern.compile(source);
        // Compiled up front: a bad group reference is an error even on an empty feed.
        Replacement replacement = pattern.replacement(call.options().text(REPLACEMENT));
        List<ItemText> fields = FIELDS.resolve(call.options().text(FIELD));

        Deadline deadline = ctx.deadline();
        List<Item> out = new ArrayList<>(feed.items().size());
        boolean changed = false;
        for (Item item : feed.items()) {
            deadline.check();
            Item.Builder builder = null;
            for (ItemText field : fields) {
                String before = field.of(item);
                String after = pattern.replaceAll(before, replacement, deadline);
                if (after != before) { // replaceAll returns the same instance when nothing matched
                    builder = builder == null ? item.toBuilder() : builder;
                    field.set(builder, after);
                }
            }
            out.add(builder == null ? item : builder.build());
            changed |= builder != null;
        }
        return new Value.Items(changed ? feed.withItems(out) : feed);
    }
}
