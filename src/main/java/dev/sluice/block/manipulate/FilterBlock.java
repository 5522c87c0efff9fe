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
import dev.sluice.pattern.UserPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the items whose chosen field contains the pattern, or with "block" drops them instead.
 * {@code userinputs}: [pattern (text port), block, field].
 *
 * <p>Fields mean what they meant in Pipes CE ({@link FilterField}). One deliberate difference:
 * Pipes CE failed on "author" for any item that had one (it asked the author text for a name);
 * here the author text is searched.
 */
public final class FilterBlock implements Block {
    static final int PATTERN = 0;
    static final int BLOCK = 1;
    static final int FIELD = 2;

    public static final BlockType TYPE = new BlockType("FilterBlock", "Filter", "Manipulate",
            "Keeps only the items that contain a pattern, or with \"Block\" removes them. The pattern is"
                    + " a plain word or phrase (case matters) or a regex like /rust|java/i, run in linear time"
                    + " within the run limit. \"all\" searches title, description, content, link, categories and"
                    + " the author (Pipes CE's \"all\" left the author out).",
            List.of(OptionSpec.text("Pattern", "").withTextPort(),
                    OptionSpec.flag("Block matching items"),
                    OptionSpec.choice("Field", FilterField.CHOICE.defaultKey(), FilterField.CHOICE.keys())),
            1, Value.Kind.FEED, new FilterBlock());

    private FilterBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        String source = call.options().text(PATTERN);
        if (source.isEmpty()) {
            return new Value.Items(feed);
        }
        UserPattern pattern = UserPattern.compile(source);
        boolean blockMatches = call.options().flag(BLOCK);
        FilterField field = FilterField.of(call.options().text(FIELD));
        String noMatchRule = field == FilterField.ALL || field == FilterField.TEXTS
                ? "no field matches " + pattern
                : field.label() + " does not match " + pattern;

        Deadline deadline = ctx.deadline();
        List<Item> kept = new ArrayList<>(feed.items().size());
        for (Item item : feed.items()) {
            deadline.check();
            String matched = field.firstMatch(item, pattern, deadline);
            if ((matched != null) != blockMatches) {
                kept.add(item);
            } else {
                ctx.dropped(item, blockMatches ? matched + " matches " + pattern + " (block)" : noMatchRule);
            }
        }
        return new Value.Items(kept.size() == feed.items().size() ? feed : feed.withItems(kept));
    }
}
