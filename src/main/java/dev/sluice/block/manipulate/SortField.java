package dev.sluice.block.manipulate;

import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/** What Sort orders by: the item's date, or one of its texts in natural order. */
enum SortField {
    DATE(Item::date, Comparator.<Instant>naturalOrder()),
    TITLE(text(ItemText.TITLE), NaturalOrder.INSTANCE),
    LINK(text(ItemText.LINK), NaturalOrder.INSTANCE),
    GUID(text(ItemText.GUID), NaturalOrder.INSTANCE),
    CONTENT(text(ItemText.CONTENT), NaturalOrder.INSTANCE),
    DESCRIPTION(text(ItemText.DESCRIPTION), NaturalOrder.INSTANCE),
    AUTHOR(text(ItemText.AUTHOR), NaturalOrder.INSTANCE);

    /** Pipes CE's list in its order (both dates are the item's date), then Sluice's additions. */
    static final Choice<SortField> CHOICE = Choice.<SortField>of("sort field", "updated")
            .add("updated", DATE).add("published", DATE).add("content", CONTENT).add("summary", DESCRIPTION)
            .add("url", LINK).add("title", TITLE).add("guid", GUID)
            .add("link", LINK).add("description", DESCRIPTION).add("author", AUTHOR)
            .build();

    private final Function<Item, ?> key;
    private final Comparator<Object> order;

    @SuppressWarnings("unchecked")
    <K> SortField(Function<Item, K> key, Comparator<? super K> order) {
        this.key = key;
        this.order = (Comparator<Object>) order;
    }

    /** The item's sort key; null when the item lacks it (no date, blank text). */
    Object keyOf(Item item) {
        return key.apply(item);
    }

    /** Orders two non-null keys of this field. */
    int compare(Object a, Object b) {
        return order.compare(a, b);
    }

    private static Function<Item, String> text(ItemText field) {
        return item -> {
            String s = field.of(item);
            return s.isBlank() ? null : s;
        };
    }
}
