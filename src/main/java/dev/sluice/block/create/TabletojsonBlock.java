package dev.sluice.block.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.GuidPolicy;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Tables: one item per HTML table in a downloaded page or in the items' contents, its rows as
 * JSON in Pipes CE's shape ({@link TableRows}). The title is the table's caption, else its
 * position (Pipes CE titled every item "Table as json"); the guid comes from the JSON, so an
 * unchanged table keeps its guid and identical tables are one item. A table without rows of
 * two or more data cells gives no item (Pipes CE gave "{}").
 */
public final class TabletojsonBlock implements Block {
    static final String CHANNEL_TITLE = "Extracted Tables";

    public static final BlockType TYPE = new BlockType("TabletojsonBlock", "Tables", "Create",
            "Makes one item per HTML table in a downloaded page or in the items' contents; the content"
                    + " is JSON as in Pipes CE: each row's first cell as key, its other cells as a list"
                    + " ({\"Quay\":[\"06:00\",\"22:00\"]}); header cells are left out.",
            List.of(), 1, Value.Kind.FEED, new TabletojsonBlock()).accepting(Value.Kind.DOCUMENT, Value.Kind.FEED);

    private TabletojsonBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Value input = call.inputs().isEmpty() ? null : call.inputs().get(0);
        Deadline deadline = ctx.deadline();
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (Page.Markup page : Page.html(input, ctx)) {
            for (Element table : page.doc().getElementsByTag("table")) {
                deadline.check();
                position++;
                ObjectNode rows = TableRows.of(table);
                String json = rows.toString();
                if (rows.isEmpty() || !seen.add(json)) {
                    continue;
                }
                items.add(Item.builder()
                        .guid(GuidPolicy.stable(json))
                        .title(title(table, position))
                        .link(link(page, table))
                        .content(json)
                        .build());
            }
        }
        return new Value.Items(new Feed(new Channel(CHANNEL_TITLE, "", "", null, null), items));
    }

    private static String title(Element table, int position) {
        Element caption = table.selectFirst("> caption");
        String text = caption == null ? "" : caption.text().strip();
        return text.isEmpty() ? "Table " + position : text;
    }

    /** Where the table is: the page (or item) URL, with the table's id as fragment when it has one. */
    private static String link(Page.Markup page, Element table) {
        String base = page.doc().location();
        if (base.isEmpty() || table.id().isEmpty()) {
            return base;
        }
        int hash = base.indexOf('#');
        return (hash < 0 ? base : base.substring(0, hash)) + "#" + table.id();
    }
}
