package dev.sluice.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jsoup.nodes.Entities;

/**
 * The title, summary, content and link of an Atom 1.0 or 0.3 entry, read from the tree as the
 * formats define them and as readers need them: without the {@code div} wrapper of xhtml
 * content (it is not content), with the markup of xhtml that has a namespace prefix, by Atom
 * 0.3's {@code mode} (escaped, xml, base64), against the {@code xml:base} of the content
 * element itself, and with the HTML page among several alternate links.
 */
final class AtomTexts {

    static final String ATOM10 = "http://www.w3.org/2005/Atom";
    static final String ATOM03 = "http://purl.org/atom/ns#";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Set<String> VOID = Set.of("area", "br", "col", "embed", "hr", "img", "input", "source",
            "track", "wbr");

    /**
     * @param title   text ("" when absent)
     * @param summary HTML ("" when absent)
     * @param content HTML ("" when absent or out of line)
     * @param link    the alternate link, absolute, "" when none
     */
    record Entry(String title, String summary, String content, String link) {
    }

    private AtomTexts() {
    }

    /** The entry's texts, URLs inside summary and content made absolute against their own bases. */
    static Entry read(Element entry, UrlResolver entryUrls) {
        boolean atom03 = ATOM03.equals(entry.getNamespaceURI());
        Namespace ns = entry.getNamespace();
        Element title = entry.getChild("title", ns);
        Element summary = entry.getChild("summary", ns);
        Element content = entry.getChild("content", ns);
        return new Entry(
                title == null ? "" : title(title, atom03),
                summary == null ? "" : html(summary, atom03, entryUrls.withBase(base(summary))),
                content == null ? "" : html(content, atom03, entryUrls.withBase(base(content))),
                alternate(entry.getChildren("link", ns), entryUrls));
    }

    /** A title as text: a text title as written, an HTML or XHTML one reduced to its text. */
    private static String title(Element title, boolean atom03) {
        String type = title.getAttributeValue("type", atom03 ? "text/plain" : "text").strip().toLowerCase(Locale.ROOT);
        boolean escaped = atom03 && "escaped".equalsIgnoreCase(title.getAttributeValue("mode", "").strip());
        if (!title.getChildren().isEmpty() && !escaped) {
            return Titles.text(title.getValue(), "text", true); // inline markup (xhtml, Atom 0.3 xml): its text
        }
        if (atom03 && "base64".equalsIgnoreCase(title.getAttributeValue("mode", "").strip())) {
            return Titles.text(decodeBase64(title.getTextTrim()), type.contains("html") ? "html" : "text", true);
        }
        return Titles.text(title.getText(), type.contains("html") ? "html" : "text", true);
    }

    /**
     * A text construct as HTML: text escaped, html as is, xhtml serialised without its div; URLs
     * made absolute against {@code urls} (the construct's base) and any base inside it.
     */
    private static String html(Element construct, boolean atom03, UrlResolver urls) {
        if (construct.getAttribute("src") != null) {
            return ""; // out-of-line content: nothing to show inline
        }
        String type = construct.getAttributeValue("type", atom03 ? "text/plain" : "text").strip().toLowerCase(Locale.ROOT);
        if (atom03) {
            String mode = construct.getAttributeValue("mode", "xml").strip().toLowerCase(Locale.ROOT);
            if (mode.equals("base64")) {
                return urls.absoluteInHtml(asType(decodeBase64(construct.getTextTrim()), type));
            }
            if (mode.equals("escaped") || construct.getChildren().isEmpty()) {
                return urls.absoluteInHtml(asType(construct.getText().strip(), type));
            }
            return markup(construct.getContent(), urls).strip(); // inline XML, kept as it is written
        }
        return switch (type) {
            case "xhtml", "application/xhtml+xml" -> xhtml(construct, urls);
            case "html", "text/html" -> urls.absoluteInHtml(construct.getText().strip());
            default -> Entities.escape(construct.getText().strip()); // text, text/plain and other text types
        };
    }

    private static String asType(String value, String type) {
        return type.contains("html") ? value : Entities.escape(value);
    }

    /** Atom 1.0 xhtml: the children of the one div, which is a wrapper, not content. */
    private static String xhtml(Element construct, UrlResolver urls) {
        List<Element> children = construct.getChildren();
        Element div = children.size() == 1 && "div".equals(children.get(0).getName()) ? children.get(0) : null;
        return div != null ? markup(div.getContent(), urls.withBase(base(div))).strip()
                : markup(construct.getContent(), urls).strip();
    }

    /** XML content serialised as HTML: namespace prefixes dropped, text and attributes escaped. */
    private static String markup(List<Content> nodes, UrlResolver urls) {
        StringBuilder out = new StringBuilder();
        for (Content node : nodes) {
            append(out, node, urls);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Content node, UrlResolver outer) {
        if (node instanceof Text text) { // CDATA too: in XHTML it is text like any other
            out.append(Entities.escape(text.getText()));
        } else if (node instanceof Element element) {
            String name = element.getName();
            UrlResolver urls = outer.withBase(base(element));
            out.append('<').append(name);
            for (Attribute a : element.getAttributes()) {
                if (a.getNamespace() == Namespace.NO_NAMESPACE || XHTML.equals(a.getNamespaceURI())) {
                    String value = urls.absoluteAttribute(a.getName(), a.getValue());
                    out.append(' ').append(a.getName()).append("=\"").append(Entities.escape(value)).append('"');
                }
            }
            out.append('>');
            if (VOID.contains(name)) {
                return; // <br/> written as <br></br> would read as two line breaks
            }
            for (Content child : element.getContent()) {
                append(out, child, urls);
            }
            out.append("</").append(name).append('>');
        }
    }

    /**
     * The alternate link (rel absent or "alternate"), preferring an HTML page among several,
     * absolute against {@code urls} and the link's own {@code xml:base}; "" when there is none.
     */
    static String alternate(List<Element> links, UrlResolver urls) {
        String first = "";
        for (Element link : links) {
            String rel = link.getAttributeValue("rel", "alternate").strip();
            String href = link.getAttributeValue("href", "").strip();
            if (!rel.equalsIgnoreCase("alternate") || href.isEmpty()) {
                continue;
            }
            String type = link.getAttributeValue("type", "").strip().toLowerCase(Locale.ROOT);
            String absolute = urls.withBase(base(link)).absolute(href);
            if (type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml")) {
                return absolute;
            }
            if (first.isEmpty()) {
                first = absolute;
            }
        }
        return first;
    }

    /** Base64 (line breaks and all, as Atom 0.3 feeds indent it) decoded as UTF-8; "" when it is not base64. */
    static String decodeBase64(String value) {
        try {
            return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String base(Element element) {
        return element.getAttributeValue("base", Namespace.XML_NAMESPACE);
    }
}
