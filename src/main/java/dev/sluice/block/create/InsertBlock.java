package dev.sluice.block.create;

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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Inserts the content of the first item of input 1 into the elements a CSS selector or XPath
 * matches in each item's content (its description when it has no content) of input 2: appended
 * to them, or replacing what they hold. {@code userinputs}: [selector, replaceContent].
 */
public final class InsertBlock implements Block {
    static final int SELECTOR = 0;
    static final int REPLACE = 1;
    static final int INSERTED = 0;
    static final int TARGET = 1;
    static final String NO_TARGET_FEED = "No feed to insert into: connect a feed to the second input";

    public static final BlockType TYPE = new BlockType("InsertBlock", "Insert", "Create",
            "Inserts the content of the first item of the first input into every element the selector"
                    + " (CSS such as div.post, or an XPath such as //p[1]) matches in the items of the second"
                    + " input; appended, or replacing the element's content. Unlike Pipes CE it works in the"
                    + " items' HTML; //item/description, //item/content:encoded and //item/title name those fields.",
            List.of(OptionSpec.text("Selector (CSS or XPath)", ""), OptionSpec.flag("Replace content")),
            2, Value.Kind.FEED, new InsertBlock());

    private InsertBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        String selector = call.options().text(SELECTOR).strip();
        if (selector.isEmpty()) {
            throw new BlockError("No target: give a CSS selector or an XPath saying where to insert");
        }
        if (call.inputs().size() <= TARGET || call.inputs().get(TARGET) == null) {
            // An upstream that failed delivers an empty feed; only an unconnected slot is null.
            throw new BlockError(NO_TARGET_FEED);
        }
        Feed target = call.feed(TARGET);
        List<Item> source = call.feed(INSERTED).items();
        if (source.isEmpty()) {
            // An empty upstream (a feed down for a moment) should not wipe the output.
            ctx.warn("Nothing to insert: the first input has no items; the second passes unchanged");
            return new Value.Items(target);
        }
        String html = bodyOf(source.get(0));
        boolean replace = call.options().flag(REPLACE);
        FeedFieldTarget field = FeedFieldTarget.of(selector);
        Query query = field == null ? markupQuery(selector) : null;

        Deadline deadline = ctx.deadline();
        List<Item> out = new ArrayList<>(target.items().size());
        for (Item item : target.items()) {
            deadline.check();
            out.add(field != null ? field.insert(item, html, replace) : insert(item, query, html, replace, deadline));
        }
        return new Value.Items(target.withItems(out));
    }

    private static Query markupQuery(String selector) {
        Selector parsed = Selector.parse(selector, PageFormat.HTML);
        if (parsed.mode() == Selector.Mode.JSONPATH) {
            throw new BlockError("Insert works on the items' HTML: \"" + parsed.expression()
                    + "\" is a JSONPath; use a CSS selector or an XPath");
        }
        return Query.compile(parsed);
    }

    private static Item insert(Item item, Query query, String html, boolean replace, Deadline deadline) {
        boolean inContent = !item.content().isEmpty();
        Document doc = Page.compact(Jsoup.parseBodyFragment(inContent ? item.content() : item.description(), item.link()));
        boolean changed = false;
        for (Hit hit : query.run(new Page.Markup(doc, PageFormat.HTML), deadline)) {
            Element element = hit.element();
            if (element == null || hit.attribute() != null) {
                continue; // text and attribute matches have no inside to insert into
            }
            if (replace) {
                element.html(html);
            } else {
                element.append(html);
            }
            changed = true;
        }
        if (!changed) {
            return item;
        }
        String result = doc.body().html();
        return inContent ? item.toBuilder().content(result).build() : item.toBuilder().description(result).build();
    }

    private static String bodyOf(Item item) {
        return item.content().isEmpty() ? item.description() : item.content();
    }
}
