package dev.sluice.feed;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;

/**
 * Plain text: per item its title, link, date and description as text, items separated by a
 * blank line. For scripts and for pasting; HTML is reduced to its text by jsoup.
 */
final class TextWriter {

    private TextWriter() {
    }

    static byte[] write(Feed feed) {
        StringBuilder out = new StringBuilder(feed.items().size() * 256);
        for (Item item : feed.items()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            line(out, item.title());
            line(out, item.link());
            if (item.date() != null) {
                line(out, FeedDates.rfc3339(item.date()));
            }
            String html = item.description().isBlank() ? item.content() : item.description();
            if (!html.isBlank()) {
                line(out, Jsoup.parse(html).text());
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String text) {
        if (!text.isBlank()) {
            out.append(text.strip().replaceAll("\\s*\\R\\s*", " ")).append('\n');
        }
    }
}
