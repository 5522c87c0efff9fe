package dev.sluice.feed;

import java.util.List;
import java.util.Locale;
import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.XMLOutputter;

/**
 * The parts of Atom that {@link AtomMapper} reads as Sluice always has: the feed's title and
 * subtitle as written (markup in them serialised, not interpreted), and which of the links is
 * the feed's and which the entry's own.
 */
final class AtomConstructs {

    private AtomConstructs() {
    }

    /** An attribute without a namespace, else the same one in the Atom namespace; null when neither. */
    static String attribute(Element element, String name, Namespace ns) {
        Attribute attribute = element.getAttribute(name);
        if (attribute == null) {
            attribute = element.getAttribute(name, ns);
        }
        return attribute == null ? null : attribute.getValue();
    }

    /**
     * A text construct's value: its text, or for xhtml and XML types (Atom 0.3's xml mode, its
     * default) its content written as XML, with child elements in the Atom namespace written
     * without one.
     */
    static String text(Element construct, XmlFormat format) {
        Namespace ns = format.namespace;
        if (format == XmlFormat.ATOM_10) {
            String type = attribute(construct, "type", ns);
            type = type == null ? "text" : type;
            boolean xml = type.equals("xhtml") || type.contains("/xml") || type.contains("+xml");
            return xml ? markup(construct, ns) : construct.getText();
        }
        String mode = attribute(construct, "mode", ns);
        return switch (mode == null ? "xml" : mode.strip().toLowerCase(Locale.ROOT)) {
            case "escaped" -> construct.getText();
            case "base64" -> AtomTexts.decodeBase64(construct.getText());
            default -> markup(construct, ns);
        };
    }

    private static String markup(Element construct, Namespace ns) {
        List<Content> content = construct.getContent();
        for (Content node : content) {
            if (node instanceof Element element && element.getNamespace().equals(ns)) {
                element.setNamespace(Namespace.NO_NAMESPACE);
            }
        }
        return new XMLOutputter().outputString(content);
    }

    /**
     * An Atom 1.0 feed's link: the first alternate with an href (rel absent or "alternate"),
     * else the self link, else the href (if any) of the first link whose rel is blank or "alternate".
     */
    static String feedLink10(List<Element> links) {
        String self = null;
        boolean selfSeen = false;
        String firstAlternate = null;
        boolean alternateSeen = false;
        for (Element link : links) {
            String rel = attribute(link, "rel", XmlFormat.ATOM_10.namespace);
            rel = rel == null ? "alternate" : rel;
            String href = attribute(link, "href", XmlFormat.ATOM_10.namespace);
            if (rel.equals("alternate") && href != null) {
                return href;
            }
            if (!selfSeen && rel.equals("self")) {
                selfSeen = true;
                self = href;
            }
            if (!alternateSeen && (rel.trim().isEmpty() || rel.equals("alternate"))) {
                alternateSeen = true;
                firstAlternate = href;
            }
        }
        return self != null ? self : firstAlternate;
    }

    /** An Atom 0.3 feed's link: the first with rel="alternate" and an href, else the first without a rel that has one. */
    static String feedLink03(List<Element> links) {
        String withoutRel = null;
        for (Element link : links) {
            String rel = attribute(link, "rel", XmlFormat.ATOM_03.namespace);
            String href = attribute(link, "href", XmlFormat.ATOM_03.namespace);
            if ("alternate".equals(rel) && href != null) {
                return href;
            }
            if (withoutRel == null && rel == null && href != null) {
                withoutRel = href;
            }
        }
        return withoutRel;
    }

    /** An Atom 1.0 entry's link: the first whose rel is absent, blank or "alternate"; null when none. */
    static String entryLink10(List<Element> links) {
        for (Element link : links) {
            String rel = attribute(link, "rel", XmlFormat.ATOM_10.namespace);
            if (rel == null || rel.trim().isEmpty() || rel.equals("alternate")) {
                return attribute(link, "href", XmlFormat.ATOM_10.namespace);
            }
        }
        return null;
    }

    /** An Atom 0.3 entry's link: its rel="alternate" link when it has exactly one; null otherwise. */
    static String entryLink03(List<Element> links) {
        Element alternate = null;
        for (Element link : links) {
            if ("alternate".equals(attribute(link, "rel", XmlFormat.ATOM_03.namespace))) {
                if (alternate != null) {
                    return null;
                }
                alternate = link;
            }
        }
        return alternate == null ? null : attribute(alternate, "href", XmlFormat.ATOM_03.namespace);
    }
}
