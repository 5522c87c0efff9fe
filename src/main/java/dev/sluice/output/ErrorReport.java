package dev.sluice.output;

import dev.sluice.engine.RunError;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How a run's errors reach feed readers: a header, a note in the channel description, and an
 * explanatory item only when the output would otherwise be empty. That item's guid is stable for
 * the same errors within the hour, so a reader polling every minute shows it once, not sixty times.
 */
public final class ErrorReport {
    /** Longest {@code X-Sluice-Errors} value; longer lists are cut with "…". */
    static final int MAX_HEADER = 1000;

    private ErrorReport() {
    }

    /** The errors as one header-safe line (ASCII, no control characters). */
    public static String headerValue(List<RunError> errors) {
        StringBuilder sb = new StringBuilder();
        for (RunError e : errors) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(e.describe());
        }
        String ascii = sb.toString().replaceAll("[^\\x20-\\x7e]", "?");
        return ascii.length() <= MAX_HEADER ? ascii : ascii.substring(0, MAX_HEADER - 3) + "...";
    }

    /** The feed with the errors noted in its description and, when it is empty, one explanatory item. */
    public static Feed decorate(Feed feed, List<RunError> errors, Instant now, String pipeUrl) {
        if (errors.isEmpty()) {
            return feed;
        }
        String text = summary(errors);
        String description = feed.channel().description().isBlank()
                ? "Errors in the last run: " + text
                : feed.channel().description() + " — Errors in the last run: " + text;
        Feed out = feed.withChannel(feed.channel().withDescription(description));
        if (!feed.items().isEmpty()) {
            return out;
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Item explanation = Item.builder()
                .guid("sluice-error-" + Hashes.hex(text + "|" + hour).substring(0, 24))
                .title("This pipe could not produce items: " + errors.get(0).describe())
                .link(pipeUrl)
                .description(escape(text))
                .published(hour)
                .build();
        return out.withItems(List.of(explanation));
    }

    private static String summary(List<RunError> errors) {
        StringBuilder sb = new StringBuilder();
        for (RunError e : errors) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(e.describe());
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
