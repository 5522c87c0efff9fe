package dev.sluice.feed;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.xml.sax.SAXParseException;

/**
 * Reads feed XML into a JDOM tree, safely and forgivingly.
 *
 * <p>First a strict SAX parse with DTDs refused outright: no external entities (XXE), no
 * entity definitions (billion laughs), nothing fetched. Real feeds are often not well-formed
 * (a bare "&amp;", an HTML entity, an unclosed tag, a DOCTYPE), so when the strict parse fails
 * jsoup's XML parser, which never reads DTDs and never expands custom entities, recovers the
 * markup; its well-formed re-serialisation is then parsed strictly again.
 */
final class XmlTree {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    /**
     * JDK 24+ caps the text produced by entity references at 100,000 characters, and counts
     * the predefined ones: a 2 MB feed of entity-escaped HTML exceeds that. With DTDs refused
     * no other entity can exist, so nothing can be amplified and the caps can go (0 = none);
     * the document's size is bounded by the downloader.
     */
    private static final String[] ENTITY_SIZE_LIMITS = {
        "jdk.xml.maxGeneralEntitySizeLimit", "jdk.xml.totalEntitySizeLimit", "jdk.xml.entityExpansionLimit"};
    /** Only the JDK's own parser knows those properties; another SAX driver would refuse to parse. */
    private static final boolean LIMITS_SETTABLE = limitsSettable();

    /** Namespaces broken feeds use without declaring them; unknown prefixes get a placeholder. */
    private static final Map<String, String> WELL_KNOWN_PREFIXES = Map.of(
            "content", "http://purl.org/rss/1.0/modules/content/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "dcterms", "http://purl.org/dc/terms/",
            "atom", "http://www.w3.org/2005/Atom",
            "media", "http://search.yahoo.com/mrss/",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "wfw", "http://wellformedweb.org/CommentAPI/");

    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    private static final Pattern END_TAG = Pattern.compile("</([A-Za-z_][\\w.:-]*)\\s*>");

    /** RSS elements whose text is HTML, which broken feeds write unescaped. */
    private static final String[] HOLDERS = {"description", "content:encoded"};

    private XmlTree() {
    }

    /** The tree of {@code xml}; recovered by jsoup when it is not well-formed. */
    static Document read(String xml) throws FeedParseException {
        String text = stripLeadingJunk(xml);
        try {
            return strict(text);
        } catch (JDOMException | RuntimeException strictError) {
            // JDOM also signals bad names and characters with unchecked exceptions
            try {
                return strict(recover(text));
            } catch (JDOMException | RuntimeException recoveryError) {
                throw new FeedParseException(describe(strictError), strictError);
            }
        }
    }

    private static Document strict(String xml) throws JDOMException {
        return build(builder(LIMITS_SETTABLE), xml);
    }

    private static boolean limitsSettable() {
        try {
            build(builder(true), "<probe/>");
            return true;
        } catch (JDOMException e) {
            return false;
        }
    }

    /** A SAX-to-JDOM builder with DTDs refused and, when asked, the entity size caps lifted. */
    private static SAXBuilder builder(boolean liftEntityCaps) {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature(DISALLOW_DOCTYPE, true);
        builder.setFeature(EXTERNAL_GENERAL, false);
        builder.setFeature(EXTERNAL_PARAMETER, false);
        builder.setFeature(LOAD_EXTERNAL_DTD, false);
        builder.setExpandEntities(false);
        if (liftEntityCaps) {
            for (String limit : ENTITY_SIZE_LIMITS) {
                builder.setProperty(limit, "0");
            }
        }
        return builder;
    }

    private static Document build(SAXBuilder builder, String xml) throws JDOMException {
        try {
            return builder.build(new StringReader(xml));
        } catch (IOException e) {
            throw new JDOMException("could not read the document", e); // a StringReader does not fail
        }
    }

    /**
     * jsoup's best reading of broken markup, written back as well-formed XML: only the first root
     * element, so a DOCTYPE (and the entity declarations jsoup reads as stray text) is left out.
     */
    private static String recover(String xml) {
        String repaired = rawHtmlAsText(endTagsInStartTagCase(XmlText.clean(xml)));
        org.jsoup.nodes.Document doc = Jsoup.parse(repaired, "", Parser.xmlParser());
        Element root = feedRoot(doc);
        if (root == null) {
            return "";
        }
        declareMissingPrefixes(root);
        doc.outputSettings()
                .syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8")
                .prettyPrint(false);
        return root.outerHtml();
    }

    /**
     * Unescaped HTML inside an RSS {@code description} or {@code content:encoded}
     * ({@code <description><p>a<br>b</description>}) is HTML, not XML: read as XML its unclosed
     * tags swallow what follows. Such content is wrapped in CDATA, so it stays text here and is
     * read by HTML's rules later, as readers do.
     */
    static String rawHtmlAsText(String xml) {
        StringBuilder out = null;
        int copied = 0;
        int[] next = {holderStart(xml, HOLDERS[0], 0), holderStart(xml, HOLDERS[1], 0)};
        while (true) { // one pass forward: each search starts where the last one ended
            int which = next[0] < 0 ? 1 : next[1] < 0 || next[0] < next[1] ? 0 : 1;
            int start = next[which];
            if (start < 0) {
                break;
            }
            String name = HOLDERS[which];
            int open = xml.indexOf('>', start);
            if (open < 0) {
                break;
            }
            int after = open + 1; // past a self-closed element
            if (xml.charAt(open - 1) != '/') {
                int close = xml.indexOf("</" + name, open);
                if (close < 0) {
                    break; // no end tag further on: nothing more can be wrapped
                }
                String inner = xml.substring(open + 1, close);
                if (inner.indexOf('<') >= 0 && !inner.strip().startsWith("<![CDATA[")) {
                    out = out == null ? new StringBuilder(xml.length() + 64) : out;
                    out.append(xml, copied, open + 1).append("<![CDATA[")
                            .append(inner.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
                    copied = close;
                }
                after = close + name.length() + 2;
            }
            next[0] = next[0] < after ? holderStart(xml, HOLDERS[0], after) : next[0];
            next[1] = next[1] < after ? holderStart(xml, HOLDERS[1], after) : next[1];
        }
        return out == null ? xml : out.append(xml, copied, xml.length()).toString();
    }

    /** The next start tag named exactly {@code name} at or after {@code from}, or -1. */
    private static int holderStart(String xml, String name, int from) {
        int at = xml.indexOf("<" + name, from);
        while (at >= 0) {
            int end = at + name.length() + 1;
            if (end < xml.length() && (xml.charAt(end) == '>' || xml.charAt(end) == '/' || Character.isWhitespace(xml.charAt(end)))) {
                return at;
            }
            at = xml.indexOf("<" + name, end);
        }
        return -1;
    }

    /**
     * HTML habits in XML: {@code <title>…</TITLE>}. XML names are case-sensitive (and must stay
     * so: {@code pubDate}), so an end tag whose name matches a start tag only when case is ignored
     * is rewritten to the start tag's spelling, when the document spells that name one way only.
     */
    static String endTagsInStartTagCase(String xml) {
        Map<String, String> spelling = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Matcher start = START_TAG.matcher(xml);
        while (start.find()) {
            String name = start.group(1);
            String previous = spelling.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (previous != null && !previous.equals(name)) {
                ambiguous.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return END_TAG.matcher(xml).replaceAll(end -> {
            String name = end.group(1);
            String key = name.toLowerCase(Locale.ROOT);
            String spelled = spelling.get(key);
            return Matcher.quoteReplacement(spelled == null || ambiguous.contains(key) ? end.group() : "</" + spelled + ">");
        });
    }

    /**
     * The element that is the feed: junk before it (a PHP warning's HTML, a stray tag) makes
     * jsoup see several roots, and the feed is the one named like one; else the first.
     */
    private static Element feedRoot(org.jsoup.nodes.Document doc) {
        for (Element candidate : doc.children()) {
            String name = candidate.tagName().toLowerCase(Locale.ROOT);
            String local = name.substring(name.indexOf(':') + 1);
            if (local.equals("rss") || local.equals("feed") || local.equals("rdf") || local.equals("channel")) {
                return candidate;
            }
        }
        return doc.children().first();
    }

    /** Declares on the root every prefix used in the document but declared nowhere. */
    private static void declareMissingPrefixes(Element root) {
        Set<String> used = new HashSet<>();
        Set<String> declared = new HashSet<>();
        for (Element e : root.getAllElements()) {
            addPrefix(e.tagName(), used);
            for (Attribute a : e.attributes()) {
                if (a.getKey().startsWith("xmlns:")) {
                    declared.add(a.getKey().substring("xmlns:".length()));
                } else {
                    addPrefix(a.getKey(), used);
                }
            }
        }
        used.removeAll(declared);
        used.remove("xml");
        used.remove("xmlns");
        for (String prefix : used) {
            root.attr("xmlns:" + prefix, WELL_KNOWN_PREFIXES.getOrDefault(prefix, "urn:sluice:undeclared:" + prefix));
        }
    }

    private static void addPrefix(String name, Set<String> into) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            into.add(name.substring(0, colon));
        }
    }

    /** Whitespace and byte order marks before the first tag make strict parsers fail. */
    private static String stripLeadingJunk(String xml) {
        int i = 0;
        while (i < xml.length() && (Character.isWhitespace(xml.charAt(i)) || xml.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i == 0 ? xml : xml.substring(i);
    }

    private static String describe(Exception e) {
        int line = -1;
        String message = e.getMessage();
        if (e.getCause() instanceof SAXParseException sax) {
            line = sax.getLineNumber();
            message = sax.getMessage();
        } else if (e instanceof JDOMParseException parse) {
            line = parse.getLineNumber();
        }
        if (message != null && message.contains("DOCTYPE is disallowed")) {
            message = "document type declarations (DTDs) are not allowed";
        }
        return line > 0 ? "XML error at line " + line + ": " + message : "XML error: " + message;
    }
}
