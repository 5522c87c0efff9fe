package dev.sluice.web;

import dev.sluice.feed.FeedHtml;
import dev.sluice.feed.Item;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An item as the preview page shows it. The HTML is cleaned here by the outputs' own policy
 * ({@link FeedHtml}: no scripts, event handlers, frames or {@code javascript:} links) and only
 * this cleaned HTML is ever printed unescaped. Links are kept only when they are http(s).
 */
public record ItemView(String title, String link, String date, String html) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static ItemView of(Item item) {
        String body = !item.content().isBlank() ? item.content() : item.description();
        String clean = FeedHtml.clean(body);
        return new ItemView(item.title().isBlank() ? "(untitled)" : item.title(), safeLink(item.link()),
                item.date() == null ? "" : DATE.format(item.date()), clean);
    }

    static String safeLink(String link) {
        String l = link.strip().toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") ? link.strip() : "";
    }
}
