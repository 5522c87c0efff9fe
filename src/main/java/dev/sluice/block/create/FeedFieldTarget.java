package dev.sluice.block.create;

import dev.sluice.feed.Item;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Pipes CE's Insert ran its XPath on the feed's RSS, so saved pipes say {@code //item/description}
 * or {@code /rss/channel/item/content:encoded}. Sluice inserts into item HTML; these targets are
 * recognised and mapped to the item field they named, so old pipes keep working.
 */
enum FeedFieldTarget {
    TITLE, DESCRIPTION, CONTENT;

    /** {@code //item/x} or {@code /rss/channel/item/x}, for the RSS elements an item's fields come from. */
    private static final Pattern RSS_PATH = Pattern.compile(
            "^(?:xpath:)?\\s*(?://|/rss/channel/)item/(title|description|content:encoded)\\s*$");

    /** The field {@code selector} names, or null when it is an ordinary selector. */
    static FeedFieldTarget of(String selector) {
        Matcher m = RSS_PATH.matcher(selector.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        return switch (m.group(1)) {
            case "title" -> TITLE;
            case "description" -> DESCRIPTION;
            default -> CONTENT;
        };
    }

    /** {@code item} with {@code html} appended to this field, or replacing it. */
    Item insert(Item item, String html, boolean replace) {
        Item.Builder b = item.toBuilder();
        return switch (this) {
            case TITLE -> {
                String text = Jsoup.parseBodyFragment(html).text();
                yield b.title(replace ? text : item.title() + text).build();
            }
            case DESCRIPTION -> b.description(replace ? html : item.description() + html).build();
            case CONTENT -> b.content(replace ? html : item.content() + html).build();
        };
    }
}
