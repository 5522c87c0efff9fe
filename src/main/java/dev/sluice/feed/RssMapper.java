package dev.sluice.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.output.XMLOutputter;

/**
 * RSS 0.91 to 2.0 and RDF (RSS 0.90 and 1.0), mapped from the tree onto {@link Feed} after
 * {@link TreeFacts} took the dates and bases out. Each version is read for what it defines
 * ({@link XmlFormat}): an RSS 0.91 item has no guid even when it carries one, so its GUID comes
 * from its link; only RSS 1.0 and 2.0 items are read for Dublin Core.
 */
final class RssMapper {

    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    private RssMapper() {
    }

    static Feed map(Element root, XmlFormat format, TreeFacts facts, String documentUrl) throws FeedParseException {
        Namespace ns = format.namespace;
        Element channelElement = root.getChild("channel", ns);
        if (channelElement == null) {
            throw new FeedParseException("not a readable feed: no RSS <channel> in <" + root.getQualifiedName() + ">");
        }
        Channel channel = channel(format.isRdf() ? root : channelElement, channelElement, ns, facts);
        Source source = EntryMapper.source(channel, documentUrl);
        // one copy: JDOM's live filtered lists are slow to index into
        List<Element> elements = new ArrayList<>((format.isRdf() ? root : channelElement).getChildren("item", ns));
        List<TreeFacts.Facts> entryFacts = EntryMapper.factsFor(facts, elements.size());
        int kept = Math.min(elements.size(), FeedParser.MAX_ITEMS);
        List<Item> items = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            TreeFacts.Facts itemFacts = entryFacts.get(i);
            items.add(EntryMapper.item(item(elements.get(i), format, itemFacts.urls()), itemFacts, source, ""));
        }
        return EntryMapper.feed(channel, items, facts, elements.size());
    }

    /** @param imageParent where the image is: the channel, or the root of an RDF document */
    private static Channel channel(Element imageParent, Element channel, Namespace ns, TreeFacts facts) {
        UrlResolver urls = facts.channel.urls();
        Element image = imageParent.getChild("image", ns);
        String imageUrl = image == null ? null : text(image.getChild("url", ns));
        return new Channel(
                EntryMapper.strip(text(channel.getChild("title", ns))),
                urls.absolute(text(channel.getChild("link", ns))),
                EntryMapper.strip(text(channel.getChild("description", ns))),
                EntryMapper.channelDate(facts),
                imageUrl == null ? null : urls.absolute(imageUrl));
    }

    /** One item, its children walked once; the first of each element counts, as in every reader. */
    private static EntryParts item(Element item, XmlFormat format, UrlResolver urls) {
        String ns = format.namespace.getURI();
        Element title = null;
        Element link = null;
        Element description = null;
        Element author = null;
        Element guid = null;
        Element encoded = null;
        List<Element> categories = new ArrayList<>(0);
        List<Element> enclosures = new ArrayList<>(0);
        List<String> creators = new ArrayList<>(0);
        List<Element> subjects = new ArrayList<>(0);
        for (Element child : item.getChildren()) {
            String uri = child.getNamespaceURI();
            String name = child.getName();
            if (uri.equals(ns)) {
                switch (name) {
                    case "title" -> title = title == null ? child : title;
                    case "link" -> link = link == null ? child : link;
                    case "description" -> description = description == null ? child : description;
                    case "author" -> author = author == null ? child : author;
                    case "guid" -> guid = guid == null ? child : guid;
                    default -> { }
                }
            }
            if (uri.isEmpty()) { // even in namespaced RSS 2.0: readers always looked for these without one
                if (name.equals("category")) {
                    categories.add(child);
                } else if (name.equals("enclosure")) {
                    enclosures.add(child);
                }
            } else if (uri.equals(CONTENT) && name.equals("encoded") && encoded == null) {
                encoded = child;
            } else if (DublinCore.isIn(child) && format.readsDublinCore()) {
                if (name.equals("creator")) {
                    creators.add(child.getText());
                } else if (name.equals("subject")) {
                    subjects.add(child);
                }
            }
        }
        boolean hasGuid = format.hasGuids() && guid != null;
        boolean permaLink = hasGuid && isPermaLink(guid);
        // an item without a link element is linked by its permalink guid, however the guid reads
        String rawLink = link != null ? link.getText() : permaLink ? guid.getText() : null;
        String rawDescription = !format.hasDescriptions() || description == null ? ""
                : format.keepsDescriptionMarkup() ? withMarkup(description) : description.getText();
        String rawContent = format.hasDescriptions() && encoded != null ? encoded.getText() : "";
        String firstAuthor = !creators.isEmpty() ? creators.get(0)
                : format.hasGuids() && author != null ? author.getText() : null;
        boolean terms = format.hasCategories();
        return new EntryParts(
                Titles.text(title == null ? null : title.getText(), null, false),
                urls.absolute(rawLink),
                urls.absoluteInHtml(rawDescription.strip()),
                rawContent.isBlank() ? "" : urls.absoluteInHtml(rawContent.strip()),
                null,
                true,
                hasGuid ? guid.getText() : null,
                permaLink,
                firstAuthor,
                List.of(),
                terms ? categories(categories) : List.of(),
                DublinCore.subjects(subjects),
                terms ? enclosures(enclosures) : List.of());
    }

    /** isPermaLink is true unless it says otherwise. */
    private static boolean isPermaLink(Element guid) {
        String value = guid.getAttributeValue("isPermaLink");
        return value == null || value.equalsIgnoreCase("true");
    }

    /**
     * A description's text with any elements in it written back as markup: RSS 0.92 and later
     * descriptions are HTML, and a feed that put well-formed HTML in one unescaped meant it so.
     */
    private static String withMarkup(Element description) {
        List<Content> nodes = description.getContent();
        if (nodes.size() == 1 && nodes.get(0) instanceof Text text) {
            return text.getText(); // the common case: one text or CDATA node
        }
        StringBuilder out = new StringBuilder();
        XMLOutputter xml = null;
        for (Content node : nodes) {
            if (node instanceof Text text) { // CDATA too
                out.append(text.getText());
            } else if (node instanceof Element element) {
                xml = xml == null ? new XMLOutputter() : xml;
                out.append(xml.outputString(element));
            }
        }
        return out.toString();
    }

    /** Categories with a term, each term and domain once. */
    private static List<EntryParts.Term> categories(List<Element> elements) {
        if (elements.isEmpty()) {
            return List.of();
        }
        Set<EntryParts.Term> terms = new LinkedHashSet<>();
        for (Element category : elements) {
            String text = category.getText();
            if (!text.trim().isEmpty()) {
                terms.add(new EntryParts.Term(text, category.getAttributeValue("domain")));
            }
        }
        return new ArrayList<>(terms);
    }

    private static List<EntryParts.Attachment> enclosures(List<Element> elements) {
        List<EntryParts.Attachment> attachments = new ArrayList<>(elements.size());
        for (Element enclosure : elements) {
            attachments.add(new EntryParts.Attachment(enclosure.getAttributeValue("url"),
                    length(enclosure.getAttributeValue("length")), enclosure.getAttributeValue("type")));
        }
        return attachments;
    }

    /** A length attribute's value; 0 when it is absent or not a number. */
    static long length(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(Element element) {
        return element == null ? null : element.getText();
    }
}
