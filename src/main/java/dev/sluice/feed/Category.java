package dev.sluice.feed;

/** A category of an item: its term and, optionally, the taxonomy (domain) it belongs to. */
public record Category(String term, String domain) {
    public Category {
        term = term == null ? "" : term;
    }

    public static Category of(String term) {
        return new Category(term, null);
    }
}
