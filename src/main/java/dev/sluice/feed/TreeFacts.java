package dev.sluice.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * What Sluice reads from the XML tree before {@link RssMapper} or {@link AtomMapper} maps the
 * rest: dates, {@code xml:base}, and Atom entries' texts ({@link AtomTexts}).
 *
 * <p>Dates are read here, by {@link FeedDates}, which knows more broken forms than any format's
 * own rules; their elements are then taken out of the tree, which the mappers never read dates
 * from. Entries past the item limit are removed, so they are never mapped. The mappers take
 * entries in document order, so entry facts line up with their entries by index.
 */
final class TreeFacts {

    /**
     * Per channel or entry: its dates, the resolver for its relative URLs, and what the mappers
     * take from here: an RDF item's {@code rdf:about} (its identity, "" otherwise), an Atom entry's texts
     * (null otherwise) and an RSS item's {@code atom:link} alternate ("" otherwise), absolute.
     */
    record Facts(Instant published, Instant updated, UrlResolver urls, String mediaDescription, String about,
            AtomTexts.Entry atom, String atomLink) {

        Facts(Instant published, Instant updated, UrlResolver urls, String mediaDescription) {
            this(published, updated, urls, mediaDescription, "", null, "");
        }
    }

    private static final Namespace RDF = Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    private static final Namespace XML = Namespace.XML_NAMESPACE;
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String DC_TERMS = "http://purl.org/dc/terms/";
    private static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    /** The namespace as some feeds write it, without the final slash. */
    private static final Namespace MEDIA_NO_SLASH = Namespace.getNamespace("media", "http://search.yahoo.com/mrss");
    private static final Set<String> DATE_NAMESPACES = Set.of(
            "", DC, DC_TERMS, "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#",
            "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
            "http://backend.userland.com/rss2", "http://backend.userland.com/rss");

    private static final List<String> KNOWN_NAMESPACES = List.of(DC, DC_TERMS,
            "http://purl.org/rss/1.0/modules/content/", "http://www.w3.org/2005/Atom", "http://search.yahoo.com/mrss/",
            "http://purl.org/rss/1.0/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /** Date elements, best first; "date" is Dublin Core's (RSS 1.0). */
    private static final List<String> PUBLISHED = List.of("pubDate", "published", "issued", "date", "created");
    private static final List<String> UPDATED = List.of("updated", "modified", "lastBuildDate");

    final Facts channel;
    final List<Facts> entries;
    /** Entry elements in the document, those past the item limit included. */
    final int sourceEntries;

    private TreeFacts(Facts channel, List<Facts> entries, int sourceEntries) {
        this.channel = channel;
        this.entries = entries;
        this.sourceEntries = sourceEntries;
    }

    /** Harvests {@code doc}, removing its date elements and the entries past {@code maxItems}. */
    static TreeFacts harvest(Document doc, UrlResolver documentUrls, int maxItems) {
        Element root = doc.getRootElement();
        canonicalNamespaces(root);
        Element container = switch (root.getName()) {
            case "rss", "RDF" -> firstChild(root, "channel");
            default -> root; // Atom: entries are children of <feed>
        };
        if (container == null) {
            return new TreeFacts(new Facts(null, null, documentUrls.withBase(base(root)), ""), List.of(), 0);
        }
        UrlResolver rootUrls = documentUrls.withBase(base(root));
        UrlResolver containerUrls = container == root ? rootUrls : rootUrls.withBase(base(container));
        Facts channel = facts(container, containerUrls);

        Element entryParent = "RDF".equals(root.getName()) ? root : container;
        String entryName = "feed".equals(root.getName()) ? "entry" : "item";
        List<Element> elements = new ArrayList<>(entryParent.getChildren(entryName, container.getNamespace()));
        for (int i = maxItems; i < elements.size(); i++) {
            elements.get(i).detach();
        }
        int kept = Math.min(maxItems, elements.size());
        List<Facts> entries = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            Element entry = elements.get(i);
            UrlResolver urls = containerUrls.withBase(base(entry));
            boolean atom = AtomTexts.ATOM10.equals(entry.getNamespaceURI()) || AtomTexts.ATOM03.equals(entry.getNamespaceURI());
            // one copy of the children: JDOM's live filtered lists are slow to walk again and again
            List<Element> children = new ArrayList<>(entry.getChildren());
            if (!atom) {
                resolveInnerBases(children, urls);
            }
            Facts dated = facts(entry, children, urls);
            String about = entry.getAttributeValue("about", RDF, "").strip();
            String atomLink = atom ? "" : AtomTexts.alternate(named(children, "link", AtomTexts.ATOM10), urls);
            entries.add(new Facts(dated.published(), dated.updated(), urls, dated.mediaDescription(),
                    about.isEmpty() ? "" : urls.absolute(about), atom ? AtomTexts.read(entry, urls) : null, atomLink));
        }
        return new TreeFacts(channel, entries, elements.size());
    }

    /**
     * An {@code xml:base} on a child of an item ({@code <link>}, {@code <description>},
     * {@code content:encoded}) applies to that child alone: its URLs are made absolute here, in
     * the tree, so the item's own base no longer changes them. Atom entries are read by
     * {@link AtomTexts}, which knows its elements' bases itself.
     */
    private static void resolveInnerBases(List<Element> children, UrlResolver entryUrls) {
        for (Element child : children) {
            String base = base(child);
            if (base == null || !child.getChildren().isEmpty()) {
                continue;
            }
            UrlResolver urls = entryUrls.withBase(base);
            String text = child.getText();
            child.setText("link".equals(child.getName()) ? urls.absolute(text) : urls.absoluteInHtml(text));
        }
    }

    private static Facts facts(Element element, UrlResolver urls) {
        return facts(element, element.getChildren(), urls);
    }

    private static List<Element> named(List<Element> children, String name, String namespace) {
        List<Element> found = new ArrayList<>(2);
        for (Element child : children) {
            if (name.equals(child.getName()) && namespace.equals(child.getNamespaceURI())) {
                found.add(child);
            }
        }
        return found;
    }

    private static Facts facts(Element element, List<Element> children, UrlResolver urls) {
        Element bestPublished = null;
        Element bestUpdated = null;
        List<Element> dates = new ArrayList<>(2);
        for (Element child : children) {
            if (!DATE_NAMESPACES.contains(child.getNamespaceURI())) {
                continue;
            }
            String name = child.getName();
            if ("date".equals(name) && !DC.equals(child.getNamespaceURI())) {
                continue;
            }
            if (PUBLISHED.contains(name)) {
                dates.add(child);
                bestPublished = better(bestPublished, child, PUBLISHED);
            } else if (UPDATED.contains(name)) {
                dates.add(child);
                bestUpdated = better(bestUpdated, child, UPDATED);
            }
        }
        Instant published = bestPublished == null ? null : FeedDates.parse(bestPublished.getText());
        Instant updated = bestUpdated == null ? null : FeedDates.parse(bestUpdated.getText());
        dates.forEach(Element::detach);
        return new Facts(published, updated, urls, mediaDescription(children));
    }

    /**
     * Namespace names are case-sensitive, but feeds declare well-known ones with other cases
     * ("http://purl.org/DC/elements/1.1/") and readers still understand them: such declarations
     * on the root are rewritten to the known name, and so are the elements in them.
     */
    private static void canonicalNamespaces(Element root) {
        Map<String, Namespace> fixes = new HashMap<>();
        for (Namespace declared : root.getAdditionalNamespaces()) {
            for (String known : KNOWN_NAMESPACES) {
                if (known.equalsIgnoreCase(declared.getURI()) && !known.equals(declared.getURI())) {
                    fixes.put(declared.getURI(), Namespace.getNamespace(declared.getPrefix(), known));
                }
            }
        }
        if (fixes.isEmpty()) {
            return; // the common case: one look at the root's declarations
        }
        for (Map.Entry<String, Namespace> fix : fixes.entrySet()) {
            root.removeNamespaceDeclaration(Namespace.getNamespace(fix.getValue().getPrefix(), fix.getKey()));
            root.addNamespaceDeclaration(fix.getValue());
        }
        for (Element e : root.getDescendants(Filters.element())) {
            Namespace fixed = fixes.get(e.getNamespaceURI());
            if (fixed != null) {
                e.setNamespace(Namespace.getNamespace(e.getNamespacePrefix(), fixed.getURI()));
            }
        }
    }

    private static Element better(Element current, Element candidate, List<String> order) {
        if (current == null || order.indexOf(candidate.getName()) < order.indexOf(current.getName())) {
            return candidate;
        }
        return current;
    }

    /** YouTube and other Media RSS feeds put the description in media:group/media:description. */
    private static String mediaDescription(List<Element> children) {
        Element group = null;
        for (Element child : children) {
            if (isMedia(child) && "description".equals(child.getName())) {
                return child.getTextTrim();
            }
            if (group == null && isMedia(child) && "group".equals(child.getName())) {
                group = child;
            }
        }
        Element description = group == null ? null : group.getChild("description", group.getNamespace());
        return description == null ? "" : description.getTextTrim();
    }

    private static boolean isMedia(Element e) {
        String uri = e.getNamespaceURI();
        return uri.equals(MEDIA.getURI()) || uri.equals(MEDIA_NO_SLASH.getURI());
    }

    private static Element firstChild(Element parent, String name) {
        for (Element child : parent.getChildren()) {
            if (name.equals(child.getName())) {
                return child;
            }
        }
        return null;
    }

    private static String base(Element element) {
        return element.getAttributeValue("base", XML);
    }
}
