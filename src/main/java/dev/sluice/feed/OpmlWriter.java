package dev.sluice.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An OPML 2.0 subscription list (a feed reader's import format): one {@code outline} per feed.
 * Written with StAX, which escapes every attribute, so titles with {@code & < "} stay valid XML;
 * characters XML cannot carry at all (control characters) are dropped.
 */
public final class OpmlWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    private OpmlWriter() {
    }

    /**
     * One subscription.
     *
     * @param feedUrl the feed's URL ({@code xmlUrl})
     * @param pageUrl a web page about it ({@code htmlUrl}), or null
     */
    public record Outline(String title, String feedUrl, String pageUrl) {
    }

    public static String write(String title, Instant created, List<Outline> outlines) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("opml");
            x.writeAttribute("version", "2.0");
            x.writeStartElement("head");
            element(x, "title", title);
            element(x, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC)));
            x.writeEndElement();
            x.writeStartElement("body");
            for (Outline o : outlines) {
                x.writeCharacters("\n  ");
                x.writeEmptyElement("outline");
                x.writeAttribute("type", "rss");
                x.writeAttribute("text", XmlText.clean(o.title()));
                x.writeAttribute("title", XmlText.clean(o.title()));
                x.writeAttribute("xmlUrl", o.feedUrl());
                if (o.pageUrl() != null) {
                    x.writeAttribute("htmlUrl", o.pageUrl());
                }
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(XmlText.clean(text));
        x.writeEndElement();
    }
}
