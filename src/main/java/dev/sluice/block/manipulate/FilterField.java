package dev.sluice.block.manipulate;

import dev.sluice.block.Deadline;
import dev.sluice.feed.Category;
import dev.sluice.feed.Item;
import dev.sluice.pattern.UserPattern;
import java.util.List;

/** Where a Filter looks for its pattern: one field, the categories, or all of them. */
enum FilterField {
    ALL("all", List.of(ItemText.TITLE, ItemText.DESCRIPTION, ItemText.CONTENT, ItemText.LINK, ItemText.AUTHOR), true),
    TITLE("title", List.of(ItemText.TITLE), false),
    DESCRIPTION("description", List.of(ItemText.DESCRIPTION), false),
    CONTENT("content", List.of(ItemText.CONTENT), false),
    LINK("link", List.of(ItemText.LINK), false),
    AUTHOR("author", List.of(ItemText.AUTHOR), false),
    CATEGORY("category", List.of(), true);

    static final Choice<FilterField> CHOICE = Choice.<FilterField>of("field", "all")
            .add("all", ALL).add("title", TITLE).add("description", DESCRIPTION).add("summary", DESCRIPTION)
            .add("content", CONTENT).add("link", LINK).add("author", AUTHOR).add("category", CATEGORY)
            .build();

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
