package dev.sluice.feed;

import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Dates as the RSS and Atom writers write them, always in UTC: RSS's RFC 822 form
 * ("Sun, 30 Jun 2024 10:15:30 GMT") and Atom's RFC 3339 one ("2024-06-30T10:15:30Z"), whole
 * seconds. The same text Rome wrote with {@code SimpleDateFormat}, so ETags stay put. Rome's
 * calendar is Julian before 15 October 1582 and writes years past 9999 without a sign, where
 * {@code java.time} differs; dates outside those years (only broken feeds have them) take
 * Rome's way to the same text. Day and month names are RFC 822's English ones, not looked up in
 * the locale data: the same text on every JDK, and no locale data to load on the first request.
 */
final class DateText {

    private static final String RFC822 = "EEE, dd MMM yyyy HH:mm:ss 'GMT'";
    private static final String RFC3339 = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private static final DateTimeFormatter RFC822_FORMAT = new DateTimeFormatterBuilder()
            .appendText(ChronoField.DAY_OF_WEEK, Map.of(1L, "Mon", 2L, "Tue", 3L, "Wed", 4L, "Thu", 5L, "Fri", 6L, "Sat",
                    7L, "Sun"))
            .appendPattern(", dd ")
            .appendText(ChronoField.MONTH_OF_YEAR, Map.ofEntries(Map.entry(1L, "Jan"), Map.entry(2L, "Feb"),
                    Map.entry(3L, "Mar"), Map.entry(4L, "Apr"), Map.entry(5L, "May"), Map.entry(6L, "Jun"),
                    Map.entry(7L, "Jul"), Map.entry(8L, "Aug"), Map.entry(9L, "Sep"), Map.entry(10L, "Oct"),
                    Map.entry(11L, "Nov"), Map.entry(12L, "Dec")))
            .appendPattern(" yyyy HH:mm:ss 'GMT'")
            .toFormatter(Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3339_FORMAT =
            DateTimeFormatter.ofPattern(RFC3339, Locale.ROOT).withZone(ZoneOffset.UTC);
    /** From here to {@link #LAST} both calendars give the same text. */
    private static final Instant GREGORIAN = Instant.parse("1582-10-15T00:00:00Z");
    private static final Instant LAST = Instant.parse("+10000-01-01T00:00:00Z");

    private DateText() {
    }

    static String rfc822(Instant date) {
        return format(date, RFC822_FORMAT, RFC822);
    }

    static String rfc3339(Instant date) {
        return format(date, RFC3339_FORMAT, RFC3339);
    }

    private static String format(Instant date, DateTimeFormatter formatter, String pattern) {
        if (!date.isBefore(GREGORIAN) && date.isBefore(LAST)) {
            return formatter.format(date);
        }
        SimpleDateFormat rome = new SimpleDateFormat(pattern, Locale.US);
        rome.setTimeZone(TimeZone.getTimeZone("GMT"));
        return rome.format(Date.from(date));
    }
}
