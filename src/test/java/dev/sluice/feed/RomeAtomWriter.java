package dev.sluice.feed;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jdom2.Document;

/**
 * The Atom 1.0 writer as it was before {@link AtomWriter} streamed its XML: the reference the
 * writer's bytes are compared with ({@link FeedWriterBytesTest}). Atom 1.0 through Rome's
 * generator. Atom is stricter than RSS: ids must be IRIs, every entry needs an updated date and
 * an author (its own or the feed's), so this fills those from what the feed has, deterministically.
 */
final class RomeAtomWriter {

    private static final String SELF_TYPE = "application/atom+xml";
    private static final String HTML_TYPE = "text/html";

    private RomeAtomWriter() {
    }

    static Document write(Feed source, WriteOptions options) throws FeedException {
        Channel channel = source.channel();
        com.rometools.rome.feed.atom.Feed feed = new com.rometools.rome.feed.atom.Feed("atom_1.0");
        String link = Fallbacks.channelLink(channel, options);
        feed.setId(iri(options.selfUrl().isEmpty() ? link : options.selfUrl()));
        feed.setTitleEx(text(Fallbacks.channelTitle(channel)));
        if (!channel.description().isBlank()) {
            feed.setSubtitle(html(channel.description()));
        }
        Instant newest = Fallbacks.newest(source);
        Instant feedUpdated = newest != null ? newest : Fallbacks.NO_DATE;
        feed.setUpdated(Date.from(feedUpdated));
        if (!link.isEmpty()) {
            feed.setAlternateLinks(new ArrayList<>(List.of(link("alternate", link, HTML_TYPE))));
        }
        List<Link> others = new ArrayList<>(2);
        if (!options.selfUrl().isEmpty()) {
            others.add(link("self", options.selfUrl(), SELF_TYPE));
        }
        if (!options.hubUrl().isEmpty()) {
            others.add(link("hub", options.hubUrl(), null)); // WebSub discovery
        }
        if (!others.isEmpty()) {
            feed.setOtherLinks(others);
        }
        if (!options.generator().isEmpty()) {
            Generator generator = new Generator();
            generator.setValue(XmlText.clean(options.generator()));
            feed.setGenerator(generator);
        }
        if (channel.image() != null && !channel.image().isBlank()) {
            feed.setLogo(XmlText.clean(channel.image()));
        }
        if (source.items().stream().anyMatch(i -> i.author().isBlank())) {
            feed.setAuthors(person(Fallbacks.channelTitle(channel))); // entries without one inherit it
        }
        List<Entry> entries = new ArrayList<>(source.items().size());
        for (Item item : source.items()) {
            entries.add(entry(item, feedUpdated));
        }
        feed.setEntries(entries);
        return new WireFeedOutput().outputJDom(feed);
    }

    private static Entry entry(Item item, Instant feedUpdated) {
        Entry entry = new Entry();
        entry.setId(iri(item.guid()));
        entry.setTitleEx(text(item.title().isBlank() ? Fallbacks.ITEM_TITLE : item.title()));
        if (!item.link().isBlank()) {
            entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", item.link(), HTML_TYPE))));
        }
        List<Link> enclosures = new ArrayList<>(item.enclosures().size());
        for (Enclosure e : item.enclosures()) {
            Link enclosure = link("enclosure", e.url(), e.type());
            enclosure.setLength(Math.max(0, e.length()));
            enclosures.add(enclosure);
        }
        entry.setOtherLinks(enclosures);
        if (item.published() != null) {
            entry.setPublished(Date.from(item.published()));
        }
        Instant updated = item.updated() != null ? item.updated() : item.published();
        entry.setUpdated(Date.from(updated != null ? updated : feedUpdated));
        if (!item.description().isBlank()) {
            entry.setSummary(html(item.description()));
        }
        if (!item.content().isBlank()) {
            entry.setContents(new ArrayList<>(List.of(html(item.content()))));
        } else if (item.link().isBlank()) {
            // an entry without an alternate link must have content
            entry.setContents(new ArrayList<>(List.of(html(item.description()))));
        }
        if (!item.author().isBlank()) {
            entry.setAuthors(person(item.author()));
        }
        List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>(item.categories().size());
        for (Category c : item.categories()) {
            com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
            category.setTerm(XmlText.clean(c.term()));
            if (c.domain() != null && !c.domain().isBlank()) {
                category.setScheme(XmlText.clean(c.domain()));
            }
            categories.add(category);
        }
        entry.setCategories(categories);
        return entry;
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

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(XmlText.clean(href));
        if (type != null && !type.isBlank()) {
            link.setType(XmlText.clean(type));
        }
        return link;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(XmlText.clean(value));
        return content;
    }

    private static Content html(String value) {
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(XmlText.clean(value));
        return content;
    }

    private static List<SyndPerson> person(String name) {
        Person person = new Person();
        person.setName(XmlText.clean(name));
        List<SyndPerson> persons = new ArrayList<>(1);
        persons.add(person);
        return persons;
    }
}
