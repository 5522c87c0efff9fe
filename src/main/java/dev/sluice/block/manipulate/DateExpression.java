package dev.sluice.block.manipulate;

import dev.sluice.block.BlockError;
import dev.sluice.feed.FeedDates;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instant as a user writes it in a date option: "now", a time relative to now ("-2 days",
 * "3 hours", "+1 week", "30 minutes ago"), or a date in any form feeds use (ISO 8601, RFC 822).
 * A relative time without a sign lies in the future, as "in 3 hours" would.
 */
final class DateExpression {
    private static final Pattern RELATIVE = Pattern.compile(
            "([+-]?)\\s*(\\d{1,9})\\s*([a-z]+?)s?(\\s+ago)?", Pattern.CASE_INSENSITIVE);

    /** Months and years are calendar-free approximations: a feed filter needs no more. */
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("second", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("s", Duration.ofSeconds(1)),
            Map.entry("minute", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("m", Duration.ofMinutes(1)),
            Map.entry("hour", Duration.ofHours(1)), Map.entry("h", Duration.ofHours(1)),
            Map.entry("day", Duration.ofDays(1)), Map.entry("d", Duration.ofDays(1)),
            Map.entry("week", Duration.ofDays(7)), Map.entry("w", Duration.ofDays(7)),
            Map.entry("month", Duration.ofDays(30)),
            Map.entry("year", Duration.ofDays(365)), Map.entry("y", Duration.ofDays(365)));

    private DateExpression() {
    }

    /** The instant {@code text} names, relative ones counted from {@code now}; a {@link BlockError} when unreadable. */
    static Instant parse(String text, Instant now) {
        String t = text.strip();
        if (t.equalsIgnoreCase("now")) {
            return now;
        }
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            Duration unit = UNITS.get(m.group(3).toLowerCase(Locale.ROOT));
            if (unit != null) {
                Duration offset = unit.multipliedBy(Long.parseLong(m.group(2)));
                boolean past = m.group(1).equals("-") != (m.group(4) != null);
                return past ? now.minus(offset) : now.plus(offset);
            }
        }
        Instant absolute = FeedDates.parse(t);
        if (absolute == null) {
            throw new BlockError("Cannot read \"" + t + "\" as a date: give a date such as 2024-06-30"
                    + " or a time relative to now such as -2 days, 3 hours or now");
        }
        return absolute;
    }
}
