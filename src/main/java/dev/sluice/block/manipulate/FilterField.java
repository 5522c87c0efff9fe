package dev.sluice.block.manipulate;

import dev.sluice.block.Deadline;
import dev.sluice.feed.Category;
import dev.sluice.feed.Item;
import dev.sluice.pattern.UserPattern;
import java.util.List;

/**
 * Where a Filter looks for its pattern: one field, the categories, or several fields. "all" is
 * Pipes CE's "all" (the texts and the categories) and the author as well: Pipes CE left the
 * author out only because its author field could not be searched at all.
 */
enum FilterField {
    ALL("all", List.of(ItemText.TITLE, ItemText.DESCRIPTION, ItemText.CONTENT, ItemText.LINK, ItemText.AUTHOR), true),
    /**
     * No field chosen: pipes saved before the editor offered one. Pipes CE searched the texts
     * then, without the categories.
     */
    TEXTS("title, description, content or link",
            List.of(ItemText.TITLE, ItemText.DESCRIPTION, ItemText.CONTENT, ItemText.LINK), false),
    TITLE("title", List.of(ItemText.TITLE), false),
    DESCRIPTION("description", List.of(ItemText.DESCRIPTION), false),
    CONTENT("content", List.of(ItemText.CONTENT), false),
    LINK("link", List.of(ItemText.LINK), false),
    AUTHOR("author", List.of(ItemText.AUTHOR), false),
    CATEGORY("category", List.of(), true);

    /** In the order of Pipes CE's list. */
    static final Choice<FilterField> CHOICE = Choice.<FilterField>of("field", "all")
            .add("all", ALL).add("content", CONTENT).add("summary", DESCRIPTION).add("description", DESCRIPTION)
            .add("title", TITLE).add("link", LINK).add("category", CATEGORY).add("author", AUTHOR)
            .build();

    /** The field an option names; a blank one means {@link #TEXTS}, as in Pipes CE. */
    static FilterField of(String option) {
        return option.isBlank() ? TEXTS : CHOICE.resolve(option);
    }

    private static final String CATEGORY_LABEL = "category";

    private final String label;
    private final List<ItemText> texts;
    private final boolean categories;

    FilterField(String label, List<ItemText> texts, boolean categories) {
        this.label = label;
        this.texts = texts;
        this.categories = categories;
    }

    String label() {
        return label;
    }

    /**
     * The name of the first field of {@code item} where {@code pattern} occurs, or null when it
     * occurs in none. A category matches on its term or its domain, as in Pipes CE.
     */
    String firstMatch(Item item, UserPattern pattern, Deadline deadline) {
        for (ItemText text : texts) {
            if (pattern.find(text.of(item), deadline)) {
                return text.label();
            }
        }
        if (categories) {
            for (Category c : item.categories()) {
                if (pattern.find(c.term(), deadline) || (c.domain() != null && pattern.find(c.domain(), deadline))) {
                    return CATEGORY_LABEL;
                }
            }
        }
        return null;
    }
}
