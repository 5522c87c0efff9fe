package dev.sluice.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The rules every XML format shares once {@link RssMapper} or {@link AtomMapper} has read an
 * entry ({@link EntryParts}): which GUID it gets, whether that GUID is a permalink, the link an
 * RSS item carries in its guid or an {@code atom:link}, the Media RSS description of an entry
 * without one, the feed's author for an Atom entry without one, categories and enclosures.
 */
final class EntryMapper {

    private EntryMapper() {
    }

    /**
     * The facts of each of {@code count} entry elements: {@link TreeFacts} found the same entry
     * elements in document order, unless the document is odd enough (a second channel, an Atom
     * root that is not {@code <feed>}) for the two to differ, and then no entry gets facts.
     */
    static List<TreeFacts.Facts> factsFor(TreeFacts facts, int count) {
        if (facts.entries.size() == count) {
            return facts.entries;
        }
        return Collections.nCopies(count, new TreeFacts.Facts(null, null, facts.channel.urls(), ""));
    }

    /** The feed of {@code channel} and {@code items}, read from a document of {@code entryElements} entries. */
    static Feed feed(Channel channel, List<Item> items, TreeFacts facts, int entryElements) {
        return new Feed(channel, items, Math.max(facts.sourceEntries, entryElements));
    }

    static Source source(Channel channel, String documentUrl) {
        return new Source(channel.title(), documentUrl == null ? "" : documentUrl);
    }

    /** The channel's date: when it was updated, else published. */
    static Instant channelDate(TreeFacts facts) {
        return facts.channel.updated() != null ? facts.channel.updated() : facts.channel.published();
    }

    static Item item(EntryParts parts, TreeFacts.Facts facts, Source source, String feedAuthor) {
        UrlResolver urls = facts.urls();
        String link = parts.link();
        String description = parts.description();
        if (description.isEmpty() && !facts.mediaDescription().isEmpty()) {
            description = Entities.escape(facts.mediaDescription());
        }

        String feedGuid = facts.about().isEmpty() ? strip(parts.id()) : facts.about();
        boolean permaLink = false;
        if (parts.rss()) {
            feedGuid = parts.guid() == null ? facts.about() : strip(parts.guid());
            permaLink = parts.guid() != null && parts.guidPermaLink() && !feedGuid.isEmpty();
            if (permaLink) {
                // isPermaLink defaults to true, so "post-12345" claims to be a link: only a value
                // shaped like a URL or a path is one
                String absolute = UrlResolver.hasScheme(feedGuid) || feedGuid.indexOf('/') >= 0
                        ? urls.absolute(feedGuid) : feedGuid;
                permaLink = Fallbacks.isHttpUrl(absolute);
                feedGuid = permaLink ? absolute : feedGuid;
            }
            if (link.isEmpty()) {
                link = facts.atomLink(); // RSS items may carry their link as atom:link
            }
            if (link.isEmpty() && permaLink) {
                link = feedGuid; // a permalink guid is the item's link (RSS 2.0)
            }
        }
        String content = parts.content();
        String guid = GuidPolicy.choose(feedGuid, link, parts.title(),
                facts.published() != null ? facts.published() : facts.updated(),
                content.isEmpty() ? description : content);

        String author = authorOf(parts.author(), parts.persons());
        return Item.builder()
                .guid(guid)
                .guidIsPermaLink(permaLink && guid.equals(feedGuid))
                .title(parts.title())
                .link(link)
                .description(description)
                .content(content)
                .published(facts.published())
                .updated(facts.updated())
                .author(author.isEmpty() ? feedAuthor : author)
                .categories(categories(parts))
                .enclosures(enclosures(parts.enclosures(), urls))
                .source(source)
                .build();
    }

    /** Categories, then the Dublin Core subjects (RSS 1.0 feeds tag with those) not already among them. */
    private static List<Category> categories(EntryParts parts) {
        List<Category> categories = new ArrayList<>(parts.categories().size() + parts.subjects().size());
        for (EntryParts.Term c : parts.categories()) {
            String term = strip(c.name());
            if (!term.isEmpty()) {
                String domain = strip(c.domain());
                categories.add(new Category(term, domain.isEmpty() ? null : domain));
            }
        }
        for (EntryParts.Term subject : parts.subjects()) {
            String term = strip(subject.name());
            if (!term.isEmpty() && categories.stream().noneMatch(c -> c.term().equals(term))) {
                categories.add(new Category(term, subject.domain()));
            }
        }
        return categories;
    }

    private static List<Enclosure> enclosures(List<EntryParts.Attachment> attachments, UrlResolver urls) {
        List<Enclosure> enclosures = new ArrayList<>(attachments.size());
        for (EntryParts.Attachment e : attachments) {
            String url = urls.absolute(e.url());
            if (!url.isEmpty()) {
                // a missing or unreadable length reads as 0; feeds also write 0 for "unknown"
                long length = e.length() > 0 ? e.length() : -1;
                String type = strip(e.type());
                enclosures.add(new Enclosure(url, length, type.isEmpty() ? null : type));
            }
        }
        return enclosures;
    }

    /** {@code author}, else the first of {@code persons} with a name or an email; "" when none. */
    static String authorOf(String author, List<EntryParts.Person> persons) {
        String name = strip(author);
        if (name.isEmpty()) {
            for (EntryParts.Person p : persons) {
                name = strip(p.name()).isEmpty() ? strip(p.email()) : strip(p.name());
                if (!name.isEmpty()) {
                    break;
                }
            }
        }
        return name;
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
