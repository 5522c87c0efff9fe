package dev.sluice.block.manipulate;

import dev.sluice.feed.Item;
import dev.sluice.url.LinkKey;

/** What makes two items duplicates for the Unique block. */
enum UniqueKey {
    /** The item's guid: the feed's id for it, else its link (the GUID policy). */
    GUID("guid"),
    /** The item's link, without tracking parameters and in canonical form ({@link LinkKey}). */
    LINK("link"),
    /** The item's title, reduced to its words ({@link TitleKey}). */
    TITLE("title");

    static final Choice<UniqueKey> CHOICE = Choice.<UniqueKey>of("comparison", "guid")
            .add("guid", GUID).add("link", LINK).add("title", TITLE).build();

    private final String label;

    UniqueKey(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The key of {@code item}; null when it has none, and then it is nobody's duplicate. */
    String of(Item item, LinkKey links) {
        return switch (this) {
            // An empty guid should not happen (GUID policy); if it does, it identifies nothing.
            case GUID -> item.guid().isEmpty() ? null : item.guid();
            case LINK -> links.of(item.link());
            case TITLE -> TitleKey.of(item.title());
        };
    }
}
