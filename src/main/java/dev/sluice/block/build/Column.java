package dev.sluice.block.build;

import dev.sluice.block.BlockError;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.FeedDiscovery;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Download;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One input of Build Feed read as a column of values. A feed gives one cell per item (its
 * content, else its description, else its title — what Extract and friends leave there); a
 * downloaded document that is a feed is read the same way, any other document or text gives one
 * cell per non-blank line.
 */
record Column(List<Cell> cells) {
    static final Column EMPTY = new Column(List.of());

    /**
     * One value, and the guid, title and date of the item it came from ("", "" and null for a
     * line of text).
     */
    record Cell(String text, String guid, String title, Instant date) {
    }

    Cell at(int index) {
        return index < cells.size() ? cells.get(index) : null;
    }

    int size() {
        return cells.size();
    }

    static Column of(Value value, RunContext ctx) {
        return switch (value) {
            case null -> EMPTY;
            case Value.Items items -> ofItems(items.feed().items(), ctx);
            case Value.Text text -> ofLines(text.text(), ctx);
            case Value.Document doc -> ofDocument(doc.download(), ctx);
            case Value.Data data -> ofLines(data.tree().toString(), ctx);
        };
    }

    private static Column ofDocument(Download download, RunContext ctx) {
        if (!FeedDiscovery.looksLikeHtml(download.body(), download.contentType())) {
            try {
                return ofItems(ctx.parseFeed(download).items(), ctx);
            } catch (BlockError notAFeed) {
                // Plain text, JSON, CSV…: Pipes CE read whatever was not a feed line by line.
            }
        }
        return ofLines(new String(download.body(), charsetOf(download.contentType())), ctx);
    }

    private static Column ofItems(List<Item> items, RunContext ctx) {
        List<Cell> cells = new ArrayList<>(items.size());
        for (Item item : items) {
            ctx.deadline().check();
            cells.add(new Cell(valueOf(item), item.guid(), item.title(), item.date()));
        }
        return new Column(cells);
    }

    private static String valueOf(Item item) {
        if (!item.content().isBlank()) {
            return item.content();
        }
        return item.description().isBlank() ? item.title() : item.description();
    }

    private static Column ofLines(String text, RunContext ctx) {
        List<Cell> cells = new ArrayList<>();
        for (String line : text.split("\\R")) {
            ctx.deadline().check();
            String value = line.strip();
            if (!value.isEmpty()) {
                cells.add(new Cell(value, "", "", null));
            }
        }
        return new Column(cells);
    }

    private static Charset charsetOf(String contentType) {
        okhttp3.MediaType type = contentType.isBlank() ? null : okhttp3.MediaType.parse(contentType);
        return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    }
}
