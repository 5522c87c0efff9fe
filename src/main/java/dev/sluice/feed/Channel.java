package dev.sluice.feed;

import java.time.Instant;

/** Feed-level metadata. Text fields are never null; {@code updated} and {@code image} may be. */
public record Channel(String title, String link, String description, Instant updated, String image) {
    public Channel {
        title = title == null ? "" : title;
        link = link == null ? "" : link;
        description = description == null ? "" : description;
    }

    public static final Channel EMPTY = new Channel("", "", "", null, null);

    public Channel withTitle(String newTitle) {
        return new Channel(newTitle, link, description, updated, image);
    }

    public Channel withDescription(String newDescription) {
        return new Channel(title, link, newDescription, updated, image);
    }
}
