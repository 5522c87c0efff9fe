package dev.sluice.feed;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jdom2.Attribute;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.nodes.Entities;

/**
 * Microsoft's Channel Definition Format (CDF, the "Active Channels" of Internet Explorer 4), a
 * 1997 XML format that is neither RSS nor Atom: a {@code CHANNEL} of {@code ITEM}s, each naming a
 * page by its {@code HREF}. So it is mapped here straight from the tree onto {@link Feed}.
 *
 * <p>CDF came from an SGML-minded era and its producers wrote element and attribute names in any
 * case ({@code CHANNEL}, {@code Channel}, {@code channel}), so every name is matched ignoring
 * case. Channels nest to make sections; a reader sees one list, so the items of every
 * sub-channel are taken in document order, and the sub-channels themselves are not items.
 */
final class CdfParser {

    private CdfParser() {
    }

    /** Whether {@code root} is a CDF document's root element. */
    static boolean isCdf(Element root) {
        return isNamed(root, "CHANNEL");
    }

    static Feed parse(Element root, String documentUrl) {
        UrlResolver rootUrls = baseOf(root, UrlResolver.forDocument(documentUrl));
        String title = Titles.text(text(child(root, "TITLE")), "text", true);
        Channel channel = new Channel(
                title,
                rootUrls.absolute(attribute(root, "HREF")),
                Entities.escape(text(child(root, "ABSTRACT"))),
                FeedDates.parse(attribute(root, "LASTMOD")),
                null);
        Source source = new Source(title, documentUrl == null ? "" : documentUrl);
        return new Feed(channel, items(root, rootUrls, source));
    }

    /**
     * Every ITEM under {@code root}, in document order, at most {@link FeedParser#MAX_ITEMS}.
     * A walk with its own stack rather than recursion: a hostile document can nest deeper than
     * the thread's stack.
     */
    private static List<Item> items(Element root, UrlResolver rootUrls, Source source) {
        List<Item> items = new ArrayList<>();
        Deque<Element> elements = new ArrayDeque<>();
        Deque<UrlResolver> resolvers = new ArrayDeque<>();
        pushChildren(root, rootUrls, elements, resolvers);
        while (!elements.isEmpty() && items.size() < FeedParser.MAX_ITEMS) {
            Element element = elements.pop();
            UrlResolver urls = baseOf(element, resolvers.pop());
            if (isNamed(element, "ITEM")) {
                items.add(item(element, urls, source));
            }
            pushChildren(element, urls, elements, resolvers);
        }
        return items;
    }

    /** Pushed last child first, so they come off the stack in document order. */
    private static void pushChildren(Element parent, UrlResolver urls, Deque<Element> elements,
            Deque<UrlResolver> resolvers) {
        List<Element> children = parent.getChildren();
        for (int i = children.size() - 1; i >= 0; i--) {
            elements.push(children.get(i));
            resolvers.push(urls);
        }
    }

    private static Item item(Element element, UrlResolver urls, Source source) {
        String link = urls.absolute(attribute(element, "HREF"));
        String title = Titles.text(text(child(element, "TITLE")), "text", true);
        // ABSTRACT is plain text; the model's descriptions are HTML
        String description = Entities.escape(text(child(element, "ABSTRACT")));
        // LASTMOD is when the page last changed: the only date an item has, so it is the one shown
        Instant published = FeedDates.parse(attribute(element, "LASTMOD"));
        return Item.builder()
                .guid(GuidPolicy.choose("", link, title, published, description))
                .title(title)
                .link(link)
                .description(description)
                .published(published)
                .source(source)
                .build();
    }

    /**
     * The resolver inside {@code element}: a CHANNEL's BASE attribute is CDF's own base URL for the
     * relative HREFs within it, and an inner channel's replaces its parent's; {@code xml:base} is
     * honoured too, as in the other XML formats.
     */
    private static UrlResolver baseOf(Element element, UrlResolver outer) {
        UrlResolver urls = outer.withBase(element.getAttributeValue("base", Namespace.XML_NAMESPACE));
        return isNamed(element, "CHANNEL") ? urls.withBase(attribute(element, "BASE")) : urls;
    }

    /** By local name alone: a CDF document with a stray default namespace is still CDF. */
    private static boolean isNamed(Element element, String name) {
        return element.getName().equalsIgnoreCase(name);
    }

    /** The first child element called {@code name} in any case, or null. */
    private static Element child(Element parent, String name) {
        for (Element child : parent.getChildren()) {
            if (isNamed(child, name)) {
                return child;
            }
        }
        return null;
    }

    /** The un-namespaced attribute called {@code name} in any case, stripped; "" when absent. */
    private static String attribute(Element element, String name) {
        for (Attribute attribute : element.getAttributes()) {
            // un-namespaced only, so that xml:base is not taken for BASE
            if (attribute.getNamespaceURI().isEmpty() && attribute.getName().equalsIgnoreCase(name)) {
                return attribute.getValue().strip();
            }
        }
        return "";
    }

    /** All the text in {@code element}, stripped; "" when there is no element. */
    private static String text(Element element) {
        return element == null ? "" : element.getValue().strip();
    }
}
