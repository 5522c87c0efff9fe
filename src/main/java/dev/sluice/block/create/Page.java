package dev.sluice.block.create;

import dev.sluice.fetch.ContentTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.block.BlockError;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Download;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * One thing a Create block searches: a parsed page (HTML or XML, with the URL that relative
 * links resolve against) or a JSON tree. A downloaded document is one page; a feed is one page
 * per item, made of the item's content (its description when it has none) — the HTML a reader
 * would see, which is what users point selectors at.
 */
sealed interface Page {

    /** An HTML or XML page; {@code doc.location()} is the base for relative URLs. */
    record Markup(Document doc, PageFormat format) implements Page {
    }

    /** A JSON document. */
    record Json(JsonNode tree) implements Page {
    }

    ObjectMapper JSON = new ObjectMapper();

    /**
     * The pages of an input as Extract reads it: a document as itself, or — with
     * {@code itemContents} — as a feed whose items' contents are the pages; a feed always by its
     * item contents (its XML serialisation is Sluice's business, not something to select in).
     */
    static List<Page> of(Value input, boolean itemContents, RunContext ctx) {
        return switch (input) {
            case Value.Document d when itemContents -> itemPages(ctx.parseFeed(d.download()).items());
            case Value.Document d -> List.of(parse(d.download()));
            case Value.Items items -> itemPages(items.feed().items());
            case null, default -> List.of();
        };
    }

    /**
     * The HTML pages of an input for Images and Tables: an HTML document as itself; any other
     * document is read as a feed (as Pipes CE did), and a feed by its item contents.
     */
    static List<Markup> html(Value input, RunContext ctx) {
        if (input instanceof Value.Document d
                && PageFormat.of(d.download().contentType(), d.download().body()) == PageFormat.HTML) {
            return List.of((Markup) parse(d.download()));
        }
        List<Markup> pages = new ArrayList<>();
        for (Page page : of(input, input instanceof Value.Document, ctx)) {
            pages.add((Markup) page);
        }
        return pages;
    }

    /** One HTML page per item, from its content, else its description; items with neither are skipped. */
    static List<Page> itemPages(List<Item> items) {
        List<Page> pages = new ArrayList<>(items.size());
        for (Item item : items) {
            String html = item.content().isEmpty() ? item.description() : item.content();
            if (!html.isBlank()) {
                pages.add(new Markup(compact(Jsoup.parseBodyFragment(html, item.link())), PageFormat.HTML));
            }
        }
        return pages;
    }

    /** A downloaded document parsed by its format, in its declared (or detected) charset. */
    static Page parse(Download download) {
        PageFormat format = PageFormat.of(download.contentType(), download.body());
        try {
            if (format == PageFormat.JSON) {
                return new Json(JSON.readTree(download.body()));
            }
            Parser parser = format == PageFormat.XML ? Parser.xmlParser() : Parser.htmlParser();
            Document doc = Jsoup.parse(new ByteArrayInputStream(download.body()),
                    ContentTypes.charset(download.contentType()), download.finalUrl(), parser);
            return new Markup(compact(doc), format);
        } catch (IOException e) {
            throw new BlockError("Cannot read " + download.finalUrl() + " as " + format + ": "
                    + firstLine(e.getMessage()));
        }
    }

    /**
     * {@code doc}, set to write markup back as it was rather than re-indented: extracted HTML
     * and Insert's results end up in readers, where added line breaks show.
     */
    static Document compact(Document doc) {
        doc.outputSettings().prettyPrint(false);
        return doc;
    }


    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
