package dev.sluice.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndImage;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The reference mapping for {@link FeedParserParityTest} (it was the server's until the tree was
 * mapped directly): maps Rome's format-neutral {@link SyndFeed} onto Sluice's {@link Feed}, adding what Rome leaves
 * out: dates and base URLs from {@link TreeFacts}, absolute URLs, the GUID policy, Atom's
 * author inheritance, and plain-text Atom constructs escaped so every description is HTML.
 */
final class SyndFeedMapper {

    private final SyndFeed syndFeed;
    private final TreeFacts facts;
    /** Atom 1.0 text constructs without a type are plain text (Atom 0.3 ones come escaped already). */
    private final boolean atom10;
    /** Atom (either version) declares the type of its text constructs; RSS does not. */
    private final boolean atom;
    private final String feedAuthor;

    private SyndFeedMapper(SyndFeed syndFeed, TreeFacts facts) {
        this.syndFeed = syndFeed;
        this.facts = facts;
        String type = syndFeed.getFeedType() == null ? "" : syndFeed.getFeedType();
        this.atom10 = type.equals("atom_1.0");
        this.atom = type.startsWith("atom");
        // Atom entries inherit the feed's author (RFC 4287 4.2.1); RSS has no such rule
        this.feedAuthor = atom ? authorOf(syndFeed.getAuthor(), syndFeed.getAuthors()) : "";
    }

    static Feed map(SyndFeed syndFeed, TreeFacts facts, String documentUrl) {
        return new SyndFeedMapper(syndFeed, facts).feed(documentUrl);
    }

    private Feed feed(String documentUrl) {
        Channel channel = channel();
        Source source = new Source(channel.title(), documentUrl == null ? "" : documentUrl);
        List<SyndEntry> entries = syndFeed.getEntries();
        // both are the entry elements in document order; should Rome ever skip one, use no facts
        boolean aligned = facts.entries.size() == entries.size();
        List<Item> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size() && i < FeedParser.MAX_ITEMS; i++) {
            TreeFacts.Facts entryFacts = aligned
                    ? facts.entries.get(i)
                    : new TreeFacts.Facts(null, null, facts.channel.urls(), "");
            items.add(item(entries.get(i), entryFacts, source));
        }
        return new Feed(channel, items, Math.max(facts.sourceEntries, entries.size()));
    }

    private Channel channel() {
        UrlResolver urls = facts.channel.urls();
        SyndImage image = syndFeed.getImage() != null ? syndFeed.getImage() : syndFeed.getIcon();
        String imageUrl = image == null || image.getUrl() == null ? null : urls.absolute(image.getUrl());
        return new Channel(
                strip(syndFeed.getTitle()),
                urls.absolute(channelLink()),
                strip(syndFeed.getDescription()),
                facts.channel.updated() != null ? facts.channel.updated() : facts.channel.published(),
                imageUrl);
    }

    /** Rome's feed link can be Atom's rel="self"; the channel link is the first alternate. */
    private String channelLink() {
        for (SyndLink link : syndFeed.getLinks()) {
            if ((link.getRel() == null || "alternate".equals(link.getRel())) && link.getHref() != null) {
                return link.getHref();
            }
        }
        return syndFeed.getLink();
    }

    private Item item(SyndEntry entry, TreeFacts.Facts entryFacts, Source source) {
        UrlResolver urls = entryFacts.urls();
        AtomTexts.Entry atomTexts = entryFacts.atom();
        String title;
        String link;
        String description;
        String content = "";
        if (atomTexts != null) { // read from the tree: Rome loses xhtml, Atom 0.3 modes and content bases
            title = atomTexts.title();
            link = atomTexts.link();
            description = atomTexts.summary();
            content = atomTexts.content();
        } else {
            SyndContent titleEx = entry.getTitleEx();
            title = Titles.text(entry.getTitle(), titleEx == null ? null : titleEx.getType(), atom);
            link = urls.absolute(entry.getLink());
            description = urls.absoluteInHtml(html(entry.getDescription()));
            for (SyndContent c : entry.getContents()) {
                if (c.getValue() != null && !c.getValue().isBlank()) {
                    content = urls.absoluteInHtml(html(c));
                    break;
                }
            }
        }
        if (description.isEmpty() && !entryFacts.mediaDescription().isEmpty()) {
            description = Entities.escape(entryFacts.mediaDescription());
        }

        String feedGuid = entryFacts.about().isEmpty() ? strip(entry.getUri()) : entryFacts.about();
        boolean permaLink = false;
        if (entry.getWireEntry() instanceof com.rometools.rome.feed.rss.Item rssItem) {
            Guid guid = rssItem.getGuid();
            feedGuid = guid == null ? entryFacts.about() : strip(guid.getValue());
            permaLink = guid != null && guid.isPermaLink() && !feedGuid.isEmpty();
            if (permaLink) {
                // isPermaLink defaults to true, so "post-12345" claims to be a link: only a value
                // shaped like a URL or a path is one
                String absolute = UrlResolver.hasScheme(feedGuid) || feedGuid.indexOf('/') >= 0
                        ? urls.absolute(feedGuid) : feedGuid;
                permaLink = Fallbacks.isHttpUrl(absolute);
                feedGuid = permaLink ? absolute : feedGuid;
            }
            if (link.isEmpty()) {
                link = entryFacts.atomLink(); // RSS items may carry their link as atom:link
            }
            if (link.isEmpty() && permaLink) {
                link = feedGuid; // a permalink guid is the item's link (RSS 2.0)
            }
        }
        String guid = GuidPolicy.choose(feedGuid, link, title,
                entryFacts.published() != null ? entryFacts.published() : entryFacts.updated(),
                content.isEmpty() ? description : content);

        String author = authorOf(entry.getAuthor(), entry.getAuthors());
        return Item.builder()
                .guid(guid)
                .guidIsPermaLink(permaLink && guid.equals(feedGuid))
                .title(title)
                .link(link)
                .description(description)
                .content(content)
                .published(entryFacts.published())
                .updated(entryFacts.updated())
                .author(author.isEmpty() ? feedAuthor : author)
                .categories(categories(entry))
                .enclosures(enclosures(entry, urls))
                .source(source)
                .build();
    }

    /** Atom text constructs are plain text; everything else in the model is HTML. */
    private String html(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return "";
        }
        String value = content.getValue().strip();
        String type = content.getType();
        boolean plainText = atom10 && (type == null || "text".equals(type) || "text/plain".equals(type));
        return plainText ? Entities.escape(value) : value;
    }

    private static List<Category> categories(SyndEntry entry) {
        List<Category> categories = new ArrayList<>(entry.getCategories().size());
        for (SyndCategory c : entry.getCategories()) {
            String term = strip(c.getName());
            if (!term.isEmpty()) {
                String domain = strip(c.getTaxonomyUri());
                categories.add(new Category(term, domain.isEmpty() ? null : domain));
            }
        }
        // RSS 1.0 feeds tag with dc:subject; Rome keeps those apart from categories
        if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) {
                String term = strip(subject.getValue());
                if (!term.isEmpty() && categories.stream().noneMatch(c -> c.term().equals(term))) {
                    categories.add(new Category(term, subject.getTaxonomyUri()));
                }
            }
        }
        return categories;
    }

    private static List<Enclosure> enclosures(SyndEntry entry, UrlResolver urls) {
        List<Enclosure> enclosures = new ArrayList<>(entry.getEnclosures().size());
        for (SyndEnclosure e : entry.getEnclosures()) {
            String url = urls.absolute(e.getUrl());
            if (!url.isEmpty()) {
                // Rome reads a missing length as 0; feeds also write 0 for "unknown"
                long length = e.getLength() > 0 ? e.getLength() : -1;
                String type = strip(e.getType());
                enclosures.add(new Enclosure(url, length, type.isEmpty() ? null : type));
            }
        }
        return enclosures;
    }

    private static String authorOf(String author, List<SyndPerson> persons) {
        String name = strip(author);
        if (name.isEmpty() && persons != null) {
            for (SyndPerson p : persons) {
                name = strip(p.getName()).isEmpty() ? strip(p.getEmail()) : strip(p.getName());
                if (!name.isEmpty()) {
                    break;
                }
            }
        }
        return name;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
