package dev.sluice.feed;

import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The XML feed formats and what each version of them carries. A document is of the first format
 * in declaration order whose test it passes, the order Sluice has always told them apart in
 * (it was Rome's): an RSS root's version attribute decides among 0.91 to 2.0, so a "0.91" feed is
 * read as 0.91 even when it uses 2.0's elements, and a document in none of them is not a feed.
 */
enum XmlFormat {
    /** RDF with the RSS 0.90 namespace declared on the root. */
    RSS_090("http://my.netscape.com/rdf/simple/0.9/"),
    /** Item descriptions are text, elements in them dropped; no categories, enclosures, authors or guids. */
    RSS_091(""),
    /** Item descriptions keep their markup; categories and enclosures. */
    RSS_092(""),
    RSS_093(""),
    /** Authors and guids. */
    RSS_094(""),
    /** RDF with an RSS 1.0 channel. */
    RSS_10("http://purl.org/rss/1.0/"),
    /** RSS 2.0 with its elements in the namespace Userland once gave it. */
    RSS_20_NAMESPACED("http://backend.userland.com/rss2"),
    RSS_20(""),
    ATOM_10(AtomTexts.ATOM10),
    ATOM_03(AtomTexts.ATOM03);

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** The namespace of the format's own elements. */
    final Namespace namespace;

    XmlFormat(String namespace) {
        this.namespace = Namespace.getNamespace(namespace);
    }

    /** The format of the document whose root is {@code root}; null when it is no feed format. */
    static XmlFormat of(Element root) {
        String ns = root.getNamespaceURI();
        boolean rss = root.getName().equals("rss");
        String version = root.getAttributeValue("version");
        if (RDF.equals(ns) && declares(root, RSS_090.namespace)) {
            return RSS_090;
        }
        if (rss && version != null) {
            switch (version) {
                case "0.91": return RSS_091;
                case "0.92": return RSS_092;
                case "0.93": return RSS_093;
                case "0.94": return RSS_094;
                default: break;
            }
        }
        if (RDF.equals(ns) && root.getChild("channel", RSS_10.namespace) != null) {
            return RSS_10;
        }
        if (rss && (version == null || version.trim().startsWith("2.0"))) {
            return ns.equals(RSS_20_NAMESPACED.namespace.getURI()) ? RSS_20_NAMESPACED : RSS_20;
        }
        if (ns.equals(AtomTexts.ATOM10)) {
            return ATOM_10;
        }
        return ns.equals(AtomTexts.ATOM03) ? ATOM_03 : null;
    }

    private static boolean declares(Element root, Namespace namespace) {
        for (Namespace declared : root.getAdditionalNamespaces()) {
            if (declared.getURI().equals(namespace.getURI())) {
                return true;
            }
        }
        return false;
    }

    boolean isAtom() {
        return this == ATOM_10 || this == ATOM_03;
    }

    /** RDF documents put items (and the image) beside the channel, not in it. */
    boolean isRdf() {
        return this == RSS_090 || this == RSS_10;
    }

    /** Whether item descriptions are read at all (RSS 0.90 has none) and content:encoded with them. */
    boolean hasDescriptions() {
        return this != RSS_090;
    }

    /** Whether a description's child elements are kept as markup rather than dropped. */
    boolean keepsDescriptionMarkup() {
        return this == RSS_092 || this == RSS_093 || this == RSS_094 || this == RSS_20 || this == RSS_20_NAMESPACED;
    }

    /** RSS 0.92 and later: categories and enclosures. */
    boolean hasCategories() {
        return keepsDescriptionMarkup();
    }

    /** RSS 0.94 and later: item authors and guids. */
    boolean hasGuids() {
        return this == RSS_094 || this == RSS_20 || this == RSS_20_NAMESPACED;
    }

    /** Whether entries' Dublin Core creators and subjects are read (not in RSS 0.90 to 0.94). */
    boolean readsDublinCore() {
        return this == RSS_10 || this == RSS_20 || this == RSS_20_NAMESPACED || isAtom();
    }
}
