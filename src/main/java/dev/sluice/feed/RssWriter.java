package dev.sluice.feed;

import java.time.Instant;
import javax.xml.stream.XMLStreamException;

/**
 * RSS 2.0, streamed ({@link XmlOutput}) in the elements and order Rome's generator wrote, so the
 * bytes are what they were when Rome built it. The {@code atom}, {@code content} and {@code dc}
 * namespaces are declared on the root always, and {@code atom:link rel="self"}, which the W3C
 * validator asks for, sits beside {@code atom:link rel="hub"} when a WebSub hub pushes the feed.
 * Authors go to {@code dc:creator}: RSS {@code author} must be an e-mail address.
 */
final class RssWriter {

    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SELF_TYPE = "application/rss+xml";
    private static final String UNKNOWN_MEDIA_TYPE = "application/octet-stream";
    /** Rome wrote an image's width and height always, unknown ones too. */
    private static final String UNKNOWN_SIZE = "-1";

    private RssWriter() {
    }

    static byte[] write(Feed feed, WriteOptions options) throws XMLStreamException {
        Channel source = feed.channel();
        XmlOutput xml = new XmlOutput(4096 + 2048 * feed.items().size());
        xml.start("rss");
        xml.namespace("atom", ATOM); // by prefix, as JDOM ordered them
        xml.namespace("content", CONTENT);
        xml.namespace("dc", DC);
        xml.attribute("version", "2.0");
        xml.start("channel");
        String title = Fallbacks.channelTitle(source);
        String link = Fallbacks.channelLink(source, options);
        xml.element("title", title);
        xml.element("link", link);
        xml.element("description", Fallbacks.channelDescription(source));
        Instant newest = Fallbacks.newest(feed);
        if (newest != null) {
            xml.element("lastBuildDate", DateText.rfc822(newest));
        }
        if (!options.generator().isEmpty()) {
            xml.element("generator", options.generator());
        }
        if (!options.selfUrl().isEmpty()) {
            xml.empty("atom", "link", ATOM);
            xml.attribute("href", options.selfUrl());
            xml.attribute("rel", "self");
            xml.attribute("type", SELF_TYPE);
        }
        if (!options.hubUrl().isEmpty()) {
            xml.empty("atom", "link", ATOM); // WebSub discovery: where to subscribe for pushed updates
            xml.attribute("href", options.hubUrl());
            xml.attribute("rel", "hub");
        }
        if (source.image() != null && !source.image().isBlank()) {
            xml.start("image");
            xml.element("title", title);
            xml.element("url", source.image());
            xml.element("link", link);
            xml.element("width", UNKNOWN_SIZE);
            xml.element("height", UNKNOWN_SIZE);
            xml.end();
        }
        xml.each(feed.items(), RssWriter::item);
        xml.end();
        xml.end();
        return xml.finish();
    }

    private static void item(XmlOutput xml, Item item) throws XMLStreamException {
        xml.start("item");
        String title = Fallbacks.itemTitle(item);
        if (!title.isBlank()) {
            xml.element("title", title);
        }
        if (!item.link().isBlank()) {
            xml.element("link", item.link());
        }
        if (!item.description().isBlank()) {
            xml.element("description", item.description());
        }
        if (!item.content().isBlank()) {
            xml.element("content", "encoded", CONTENT, item.content());
        }
        for (Enclosure e : item.enclosures()) {
            xml.empty("enclosure");
            xml.attribute("url", e.url());
            xml.attribute("length", Long.toString(Math.max(0, e.length()))); // RSS requires a length; 0 means unknown
            xml.attribute("type", e.type() == null || e.type().isBlank() ? UNKNOWN_MEDIA_TYPE : e.type());
        }
        for (Category c : item.categories()) {
            xml.start("category");
            if (c.domain() != null && !c.domain().isBlank()) {
                xml.attribute("domain", c.domain());
            }
            xml.text(c.term());
            xml.end();
        }
        if (item.date() != null) {
            xml.element("pubDate", DateText.rfc822(item.date()));
        }
        xml.start("guid");
        if (!(item.guidIsPermaLink() && Fallbacks.isHttpUrl(item.guid()))) {
            xml.attribute("isPermaLink", "false"); // absent means true
        }
        xml.text(item.guid());
        xml.end();
        if (!item.author().isBlank()) {
            xml.element("dc", "creator", DC, item.author());
        }
        xml.end();
    }
}
