package dev.sluice.feed;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Atom 1.0 and 0.3, mapped from the tree onto {@link Feed} after {@link TreeFacts} took the
 * dates and bases out and {@link AtomTexts} read each entry's title, link, summary and
 * content. What is left is read here: the feed's own title, link and image, ids, authors (an
 * entry without one has the feed's), categories and enclosures.
 */
final class AtomMapper {

    private AtomMapper() {
    }

    static Feed map(Element root, XmlFormat format, TreeFacts facts, String documentUrl) {
        Namespace ns = format.namespace;
        boolean atom10 = format == XmlFormat.ATOM_10;
        Element title = null;
        Element subtitle = null;
        Element logo = null;
        Element icon = null;
        List<Element> links = new ArrayList<>(4);
        List<Element> authors = new ArrayList<>(1);
        List<Element> entries = new ArrayList<>();
        for (Element child : root.getChildren()) {
            if (!child.getNamespaceURI().equals(ns.getURI())) {
                continue;
            }
            switch (child.getName()) {
                case "entry" -> entries.add(child);
                case "link" -> links.add(child);
                case "title" -> title = title == null ? child : title;
                case "subtitle" -> subtitle = subtitle == null && atom10 ? child : subtitle;
                case "tagline" -> subtitle = subtitle == null && !atom10 ? child : subtitle;
                case "logo" -> logo = logo == null && atom10 ? child : logo;
                case "icon" -> icon = icon == null && atom10 ? child : icon;
                // Atom 0.3 feeds and entries have one author
                case "author" -> {
                    if (atom10 || authors.isEmpty()) {
                        authors.add(child);
                    }
                }
                default -> { }
            }
        }
        UrlResolver urls = facts.channel.urls();
        String image = logo != null ? logo.getText() : icon != null ? icon.getText() : null;
        Channel channel = new Channel(
                EntryMapper.strip(title == null ? null : AtomConstructs.text(title, format)),
                urls.absolute(atom10 ? AtomConstructs.feedLink10(links) : AtomConstructs.feedLink03(links)),
                EntryMapper.strip(subtitle == null ? null : AtomConstructs.text(subtitle, format)),
                EntryMapper.channelDate(facts),
                image == null ? null : urls.absolute(image));
        // an Atom feed's authors are the authors of every entry that names none of its own
        String feedAuthor = EntryMapper.authorOf(DublinCore.firstCreator(root), persons(authors, ns));
        Source source = EntryMapper.source(channel, documentUrl);
        List<TreeFacts.Facts> entryFacts = EntryMapper.factsFor(facts, entries.size());
        int kept = Math.min(entries.size(), FeedParser.MAX_ITEMS);
        List<Item> items = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            items.add(EntryMapper.item(entry(entries.get(i), format, entryFacts.get(i)), entryFacts.get(i), source,
                    feedAuthor));
        }
        return EntryMapper.feed(channel, items, facts, entries.size());
    }

    /** One entry, its children walked once. */
    private static EntryParts entry(Element entry, XmlFormat format, TreeFacts.Facts facts) {
        Namespace ns = format.namespace;
        boolean atom10 = format == XmlFormat.ATOM_10;
        Element id = null;
        List<Element> links = new ArrayList<>(2);
        List<Element> authors = new ArrayList<>(1);
        List<Element> categories = new ArrayList<>(0);
        String creator = null;
        List<Element> subjects = new ArrayList<>(0);
        for (Element child : entry.getChildren()) {
            String uri = child.getNamespaceURI();
            String name = child.getName();
            if (uri.equals(ns.getURI())) {
                switch (name) {
                    case "id" -> id = id == null ? child : id;
                    case "link" -> links.add(child);
                    case "author" -> {
                        if (atom10 || authors.isEmpty()) {
                            authors.add(child);
                        }
                    }
                    case "category" -> categories.add(child);
                    default -> { }
                }
            } else if (DublinCore.isIn(child)) {
                if (name.equals("creator")) {
                    creator = creator == null ? child.getText() : creator;
                } else if (name.equals("subject")) {
                    subjects.add(child);
                }
            }
        }
        String entryLink = atom10 ? AtomConstructs.entryLink10(links) : AtomConstructs.entryLink03(links);
        AtomTexts.Entry texts = facts.atom() != null ? facts.atom() : AtomTexts.read(entry, facts.urls());
        List<EntryParts.Person> persons = persons(authors, ns);
        return new EntryParts(
                texts.title(),
                texts.link(),
                texts.summary(),
                texts.content(),
                id != null ? id.getText() : entryLink,
                false,
                null,
                false,
                persons.isEmpty() ? creator : persons.get(0).name(),
                persons,
                atom10 ? categories(categories, ns) : List.of(),
                DublinCore.subjects(subjects),
                enclosures(links, ns, atom10));
    }

    private static List<EntryParts.Person> persons(List<Element> elements, Namespace ns) {
        if (elements.isEmpty()) {
            return List.of();
        }
        List<EntryParts.Person> persons = new ArrayList<>(elements.size());
        for (Element person : elements) {
            Element name = person.getChild("name", ns);
            Element email = person.getChild("email", ns);
            persons.add(new EntryParts.Person(name == null ? null : name.getText(), email == null ? null : email.getText()));
        }
        return persons;
    }

    private static List<EntryParts.Term> categories(List<Element> elements, Namespace ns) {
        if (elements.isEmpty()) {
            return List.of();
        }
        List<EntryParts.Term> terms = new ArrayList<>(elements.size());
        for (Element category : elements) {
            terms.add(new EntryParts.Term(AtomConstructs.attribute(category, "term", ns),
                    AtomConstructs.attribute(category, "scheme", ns)));
        }
        return terms;
    }

    /** Links with rel="enclosure"; only Atom 1.0 gives them a length. */
    private static List<EntryParts.Attachment> enclosures(List<Element> links, Namespace ns, boolean atom10) {
        List<EntryParts.Attachment> enclosures = new ArrayList<>(0);
        for (Element link : links) {
            if ("enclosure".equals(AtomConstructs.attribute(link, "rel", ns))) {
                long length = atom10 ? RssMapper.length(AtomConstructs.attribute(link, "length", ns)) : 0;
                enclosures.add(new EntryParts.Attachment(AtomConstructs.attribute(link, "href", ns), length,
                        AtomConstructs.attribute(link, "type", ns)));
            }
        }
        return enclosures;
    }
}
