package dev.sluice.block.article;

import dev.sluice.block.BlockError;
import dev.sluice.feed.Item;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where an item's article goes. It always lands in the item's content — what readers show as the
 * body (RSS {@code content:encoded}, Atom {@code content}, JSON Feed {@code content_html}) — so
 * the description stays what the feed gave as the summary.
 */
enum Placement {
    /** The article instead of the item's text. */
    REPLACE("replace"),
    /** The article, then the item's own text (its content, else its description). */
    BEFORE("before"),
    /** The item's own text, then the article. */
    AFTER("after");

    private final String key;

    Placement(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static String[] keys() {
        return Arrays.stream(values()).map(Placement::key).toArray(String[]::new);
    }

    /** The placement named {@code value} ("" is {@link #REPLACE}); a {@link BlockError} for others. */
    static Placement of(String value) {
        String key = value.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return REPLACE;
        }
        for (Placement p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new BlockError("Unknown place for the full text \"" + value.strip() + "\"; choose one of: "
                + String.join(", ", keys()));
    }

    /** {@code item} with {@code article} (sanitised HTML) placed in its content. */
    Item apply(Item item, String article) {
        String own = item.content().isBlank() ? item.description() : item.content();
        String content = switch (this) {
            case REPLACE -> article;
            case BEFORE -> own.isBlank() ? article : article + "\n<hr>\n" + own;
            case AFTER -> own.isBlank() ? article : own + "\n<hr>\n" + article;
        };
        return item.toBuilder().content(content).build();
    }
}
