package dev.sluice.block.create;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.GuidPolicy;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes one item per match of a CSS selector, XPath or JSONPath in a downloaded page or in the
 * contents of a feed's items. {@code userinputs}: [selector (text port), attribute (text port),
 * startAtItemContent].
 *
 * <p>A document is searched as a whole unless "start at item content" asks to read it as a feed;
 * a feed input is always searched item by item, in each item's content (Pipes CE searched the
 * feed's XML when the box was unticked — Sluice's internal serialisation is not something a
 * selector should depend on, and the item HTML is what users point at).
 */
public final class ExtractBlock implements Block {
    static final int SELECTOR = 0;
    static final int ATTRIBUTE = 1;
    static final int ITEM_CONTENT = 2;

    /** The title Pipes CE gave every extracted item; kept so old pipes' outputs do not change. */
    static final String TITLE = "Extracted Content";
    /** The attribute value that asks for the whole element's markup. */
    static final String OUTER_MARKUP = "outerxml";
    static final String INNER_MARKUP = "content";
    static final String SELECTOR_MISSING = "Selector missing: give a CSS selector, an XPath or a JSONPath";

    public static final BlockType TYPE = new BlockType("ExtractBlock", "Extract", "Create",
            "Makes one item per match of a CSS selector (a.headline), an XPath (//h2/a, concat(...)) or,"
                    + " on JSON, a JSONPath ($.items[*].title); prefix css:, xpath: or json: to choose."
                    + " Attribute: empty for the inner HTML, OuterXml for the whole element, or a name"
                    + " such as href (links are made absolute). Unlike Pipes CE, a feed is searched in its"
                    + " items' HTML, and a value found twice is one item.",
            List.of(OptionSpec.text("Selector", "").withTextPort(),
                    OptionSpec.text("Attribute", "").withTextPort(),
                    OptionSpec.flag("Start at item content")),
            1, Value.Kind.FEED, new ExtractBlock()).accepting(Value.Kind.DOCUMENT, Value.Kind.FEED);

    private ExtractBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Value input = call.inputs().isEmpty() ? null : call.inputs().get(0);
        String selectorText = call.options().text(SELECTOR).strip();
        if (selectorText.isEmpty()) {
            // Pipes CE answers an empty feed titled "Selector missing"; here it is the block's error.
            throw new BlockError(SELECTOR_MISSING);
        }
        List<Page> pages = Page.of(input, call.options().flag(ITEM_CONTENT), ctx);
        PageFormat format = pages.isEmpty() ? PageFormat.HTML : formatOf(pages.get(0));
        Query query = Query.compile(Selector.parse(selectorText, format));
        String attribute = call.options().text(ATTRIBUTE).strip();

        Deadline deadline = ctx.deadline();
        Set<String> values = new LinkedHashSet<>();
        for (Page page : pages) {
            deadline.check();
            for (Hit hit : query.run(page, deadline)) {
                String value = MatchValue.of(hit, attribute);
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        }
        boolean urls = hasUrls(attribute, query.selector());
        List<Item> items = new ArrayList<>(values.size());
        for (String value : values) {
            items.add(Item.builder()
                    .guid(GuidPolicy.stable(value))
                    .title(TITLE)
                    .content(value)
                    .link(urls && MatchValue.isAbsoluteUrl(value) ? value : "")
                    .build());
        }
        return new Value.Items(new Feed(new Channel(TITLE, sourceUrl(input), "", null, null), items));
    }

    private static PageFormat formatOf(Page page) {
        return page instanceof Page.Markup m ? m.format() : PageFormat.JSON;
    }

    /** Whether the values are URLs: an href-like attribute, asked for or selected by XPath ({@code //a/@href}). */
    private static boolean hasUrls(String attribute, Selector selector) {
        if (MatchValue.isUrlAttribute(attribute)) {
            return true;
        }
        if (selector.mode() != Selector.Mode.XPATH) {
            return false;
        }
        int at = selector.expression().lastIndexOf("/@");
        return at >= 0 && MatchValue.isUrlAttribute(selector.expression().substring(at + 2).toLowerCase(Locale.ROOT));
    }

    private static String sourceUrl(Value input) {
        return switch (input) {
            case Value.Document d -> d.download().finalUrl();
            case Value.Items items -> items.feed().channel().link();
            case null, default -> "";
        };
    }
}
