package dev.sluice.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One feed entry as it flows between blocks. Immutable: blocks that change an item build a new
 * one with {@link #toBuilder()}, so parsed items can be shared between runs without copying.
 *
 * <p>{@code guid} is never null once an item leaves the parser or a generating block: the GUID
 * policy ({@link GuidPolicy}) fills it from the feed's guid/id, else the link, else a hash.
 * Text fields are never null (empty string when absent); dates may be null (unknown).
 */
public record Item(
        String guid,
        boolean guidIsPermaLink,
        String title,
        String link,
        String description,
        String content,
        Instant published,
        Instant updated,
        String author,
        List<Category> categories,
        List<Enclosure> enclosures,
        Source source,
        Map<String, String> extra) {

    public Item {
        guid = nz(guid);
        title = nz(title);
        link = nz(link);
        description = nz(description);
        content = nz(content);
        author = nz(author);
        categories = categories == null ? List.of() : List.copyOf(categories);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** The item's date for sorting and display: published, else updated; null when unknown. */
    public Instant date() {
        return published != null ? published : updated;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.guid = guid; b.guidIsPermaLink = guidIsPermaLink; b.title = title; b.link = link;
        b.description = description; b.content = content; b.published = published;
        b.updated = updated; b.author = author; b.categories = categories;
        b.enclosures = enclosures; b.source = source; b.extra = extra;
        return b;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Mutable helper for building an {@link Item}; not shared between threads. */
    public static final class Builder {
        private String guid;
        private boolean guidIsPermaLink;
        private String title;
        private String link;
        private String description;
        private String content;
        private Instant published;
        private Instant updated;
        private String author;
        private List<Category> categories;
        private List<Enclosure> enclosures;
        private Source source;
        private Map<String, String> extra;

        public Builder guid(String v) { guid = v; return this; }
        public Builder guidIsPermaLink(boolean v) { guidIsPermaLink = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder link(String v) { link = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder content(String v) { content = v; return this; }
        public Builder published(Instant v) { published = v; return this; }
        public Builder updated(Instant v) { updated = v; return this; }
        public Builder author(String v) { author = v; return this; }
        public Builder categories(List<Category> v) { categories = v; return this; }
        public Builder enclosures(List<Enclosure> v) { enclosures = v; return this; }
        public Builder source(Source v) { source = v; return this; }
        public Builder extra(Map<String, String> v) { extra = v; return this; }

        public String guid() { return guid; }
        public String title() { return title; }
        public String link() { return link; }
        public String description() { return description; }
        public String content() { return content; }

        public Item build() {
            return new Item(guid, guidIsPermaLink, title, link, description, content, published,
                    updated, author, categories, enclosures, source, extra);
        }
    }
}
