package dev.sluice.block.build;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.FeedDates;
import dev.sluice.feed.GuidPolicy;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Build Feed: zips four columns — titles, contents, dates, links — into items, one per entry of
 * the content column. Undated items get the date this block first produced them (kept per pipe),
 * so a reader does not see them jump to "now" on every poll. {@code userinputs}: [feedTitle (text
 * port), recalculateGuid].
 *
 * <p>Without a feed title the channel title stays empty, so a saved pipe's feed carries the pipe's
 * title, as Pipes CE's did.
 */
public final class BuilderBlock implements Block {
    static final int TITLE = 0;
    static final int CONTENT = 1;
    static final int DATE = 2;
    static final int LINK = 3;
    static final String UNTITLED = "untitled";
    static final String NO_CONTENT = "Could not build feed: connect something to the content input";

    public static final BlockType TYPE = new BlockType("BuilderBlock", "Build Feed", "Create",
            "Builds a feed from columns: titles, contents, dates and links, each a feed or a downloaded text "
                    + "(one entry per line), paired by position. Undated items keep the date they were first seen."
                    + " Without a feed title the feed takes the pipe's title.",
            List.of(OptionSpec.text("Feed title", "").withTextPort(), OptionSpec.flag("Recalculate GUID")),
            4, Value.Kind.FEED, new BuilderBlock())
            .accepting(Value.Kind.FEED, Value.Kind.DOCUMENT, Value.Kind.TEXT);

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        if (call.inputs().size() <= CONTENT || call.inputs().get(CONTENT) == null) {
            throw new BlockError(NO_CONTENT);
        }
        Column titles = column(call, TITLE, ctx);
        Column contents = column(call, CONTENT, ctx);
        Column dates = column(call, DATE, ctx);
        Column links = column(call, LINK, ctx);
        boolean recalculateGuid = call.options().flag(1);
        List<Item> items = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            ctx.deadline().check();
            Column.Cell content = contents.at(i);
            String title = textAt(titles, i, UNTITLED);
            String guid = guidOf(content, recalculateGuid);
            items.add(Item.builder()
                    .guid(guid)
                    .guidIsPermaLink(guid.startsWith("http://") || guid.startsWith("https://"))
                    .title(title)
                    .content(content.text())
                    .link(textAt(links, i, ""))
                    .published(dateAt(dates, i, guid, ctx))
                    .build());
        }
        String title = call.options().text(0).strip();
        return new Value.Items(new Feed(new Channel(title, "", "", null, null), items));
    }

    /**
     * The content item's own guid, else a hash of the content. Recalculating hashes the content
     * item's content and title, as Pipes CE did: the title column does not change the guid.
     */
    private static String guidOf(Column.Cell content, boolean recalculate) {
        if (recalculate) {
            return GuidPolicy.stable(content.text(), content.title());
        }
        return content.guid().isBlank() ? GuidPolicy.stable(content.text()) : content.guid();
    }

    private static Column column(BlockCall call, int slot, RunContext ctx) {
        return Column.of(slot < call.inputs().size() ? call.inputs().get(slot) : null, ctx);
    }

    private static String textAt(Column column, int index, String fallback) {
        Column.Cell cell = column.at(index);
        return cell == null || cell.text().isBlank() ? fallback : cell.text();
    }

    /**
     * The date column's entry when it reads as a date, else the date of the item it came from (a
     * feed connected as the date column); otherwise when this item was first seen, never plain "now".
     */
    private static Instant dateAt(Column dates, int index, String guid, RunContext ctx) {
        Column.Cell cell = dates.at(index);
        if (cell != null) {
            Instant parsed = FeedDates.parse(cell.text());
            if (parsed != null) {
                return parsed;
            }
            if (cell.date() != null) {
                return cell.date();
            }
        }
        return ctx.firstSeen(guid);
    }
}
