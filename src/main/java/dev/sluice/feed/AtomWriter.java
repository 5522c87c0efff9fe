package dev.sluice.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;

/**
 * Atom 1.0, streamed ({@link XmlOutput}) in the elements and order Rome's generator wrote, so the
 * bytes are what they were when Rome built it. Atom is stricter than RSS: ids must be IRIs,
 * every entry needs an updated date and an author (its own or the feed's), so this fills those
 * from what the feed has, deterministically.
 */
final class AtomWriter {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SELF_TYPE = "application/atom+xml";
    private static final String HTML_TYPE = "text/html";

    private AtomWriter() {
    }

    static byte[] write(Feed source, WriteOptions options) throws XMLStreamException {
        Channel channel = source.channel();
        String link = Fallbacks.channelLink(channel, options);
        Instant newest = Fallbacks.newest(source);
        Instant feedUpdated = newest != null ? newest : Fallbacks.NO_DATE;
        XmlOutput xml = new XmlOutput(4096 + 2048 * source.items().size());
        xml.start("feed");
        xml.defaultNamespace(ATOM);
        text(xml, "title", "text", Fallbacks.channelTitle(channel));
        if (!link.isEmpty()) {
            link(xml, "alternate", HTML_TYPE, link);
        }
        if (!options.selfUrl().isEmpty()) {
            link(xml, "self", SELF_TYPE, options.selfUrl());
        }
        if (!options.hubUrl().isEmpty()) {
            link(xml, "hub", null, options.hubUrl()); // WebSub discovery
        }
        if (source.items().stream().anyMatch(i -> i.author().isBlank())) {
            author(xml, Fallbacks.channelTitle(channel)); // entries without one inherit it
        }
        if (!channel.description().isBlank()) {
            text(xml, "subtitle", "html", channel.description());
        }
        xml.element("id", iri(options.selfUrl().isEmpty() ? link : options.selfUrl()));
        if (!options.generator().isEmpty()) {
            xml.element("generator", options.generator());
        }
        if (channel.image() != null && !channel.image().isBlank()) {
            xml.element("logo", channel.image());
        }
        xml.element("updated", DateText.rfc3339(feedUpdated));
        xml.each(source.items(), (out, item) -> entry(out, item, feedUpdated));
        xml.end();
        return xml.finish();
    }

    private static void entry(XmlOutput xml, Item item, Instant feedUpdated) throws XMLStreamException {
        xml.start("entry");
        text(xml, "title", "text", item.title().isBlank() ? Fallbacks.ITEM_TITLE : item.title());
        if (!item.link().isBlank()) {
            link(xml, "alternate", HTML_TYPE, item.link());
        }
        for (Enclosure e : item.enclosures()) {
            link(xml, "enclosure", e.type(), e.url());
            if (e.length() > 0) {
                xml.attribute("length", Long.toString(e.length())); // none when unknown
            }
        }
        for (Category c : item.categories()) {
            xml.empty("category");
            xml.attribute("term", c.term());
            if (c.domain() != null && !c.domain().isBlank()) {
                xml.attribute("scheme", c.domain());
            }
        }
        if (!item.author().isBlank()) {
            author(xml, item.author());
        }
        xml.element("id", iri(item.guid()));
        Instant updated = item.updated() != null ? item.updated() : item.published();
        xml.element("updated", DateText.rfc3339(updated != null ? updated : feedUpdated));
        if (item.published() != null) {
            xml.element("published", DateText.rfc3339(item.published()));
        }
        if (!item.content().isBlank()) {
            text(xml, "content", "html", item.content());
        } else if (item.link().isBlank()) {
            text(xml, "content", "html", item.description()); // an entry without an alternate link must have content
        }
        if (!item.description().isBlank()) {
            text(xml, "summary", "html", item.description());
        }
        xml.end();
    }

    /**
     * {@code id} when it is an IRI (a URL, a tag: or urn: URI, a "sluice:" GUID); otherwise a
     * name-based UUID URN of it, so plain-string GUIDs like "12345" still give stable, valid ids.
     */
    static String iri(String id) {
        String s = XmlText.clean(id).strip();
        if (UrlResolver.hasScheme(s) && s.indexOf(' ') < 0 && s.length() > s.indexOf(':') + 1) {
            return s;
        }
        return "urn:uuid:" + UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A link element, left open for more attributes (an enclosure's length). */
    private static void link(XmlOutput xml, String rel, String type, String href) throws XMLStreamException {
        xml.empty("link");
        xml.attribute("rel", rel);
        if (type != null && !type.isBlank()) {
            xml.attribute("type", type);
        }
        xml.attribute("href", href);
    }

    /** A text construct: "text" (plain) or "html" (escaped markup). */
    private static void text(XmlOutput xml, String name, String type, String value) throws XMLStreamException {
        xml.start(name);
        xml.attribute("type", type);
        xml.text(value);
        xml.end();
    }

    private static void author(XmlOutput xml, String name) throws XMLStreamException {
        xml.start("author");
        xml.element("name", name);
        xml.end();
    }
}
