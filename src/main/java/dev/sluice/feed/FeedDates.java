package dev.sluice.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient reading of the dates feeds really contain: RFC 822/1123 and RFC 3339 plus their common
 * broken variants (missing seconds, named zones, two-digit years, a space instead of "T",
 * lowercase or missing or wrong day names, runs of spaces). Anything else is {@code null}, never
 * "now": a made-up date would reorder a reader's list on every poll.
 *
 * <p>Regular expressions rather than a list of {@code DateTimeFormatter} patterns: one pass per
 * shape instead of trying a dozen formatters with exceptions, and the day name is ignored
 * instead of being checked (feeds often get it wrong).
 */
public final class FeedDates {

    /** Longer strings are not dates; also bounds the work done on hostile input. */
    private static final int MAX_LENGTH = 80;

    private static final String ZONE = "(?:\\s*(Z|[A-Za-z]{1,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{1,2}(?::?\\d{2})?))?";
    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?";

    /** 2024-06-30T12:00:00Z, 2024-06-30 12:00:00, 2024-06-30T12:00+02:00, 2024-06-30. */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ]\\s*" + TIME + ")?" + ZONE);
    /** 30 Jun 2024 12:00:00 GMT, 30-Jun-24 12:00, 30 June 2024 (the day name already removed). */
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s,-]+(\\d{2}|\\d{4})(?:[\\sT,]+" + TIME + ")?" + ZONE);
    /** Jun 30, 2024 12:00:00 GMT; Jun 30 12:00:00 UTC 2024 (C's asctime and Java's Date.toString). */
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:(\\d{4})(?:[\\s,]+" + TIME + ")?" + ZONE
                    + "|" + TIME + ZONE + "\\s+(\\d{4}))");
    private static final Pattern DAY_NAME =
            Pattern.compile("^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\\.?,?|[a-z]{2,9}\\.?,)\\s*",
                    Pattern.CASE_INSENSITIVE); // any word and a comma too: "Teu," and other misspellings
    /** A trailing comment such as "(UTC)" or "(Pacific Daylight Time)". */
    private static final Pattern COMMENT = Pattern.compile("\\s*\\([^)]*\\)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** Zone names seen in feeds, as offsets in minutes. Unknown names are read as UTC. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("WET", 0), Map.entry("WEST", 60), Map.entry("BST", 60), Map.entry("CET", 60),
            Map.entry("CEST", 120), Map.entry("MET", 60), Map.entry("MEST", 120),
            Map.entry("EET", 120), Map.entry("EEST", 180), Map.entry("MSK", 180),
            Map.entry("IST", 330), Map.entry("JST", 540), Map.entry("KST", 540),
            Map.entry("AWST", 480), Map.entry("ACST", 570), Map.entry("AEST", 600),
            Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360),
            Map.entry("CDT", -300), Map.entry("MST", -420), Map.entry("MDT", -360),
            Map.entry("PST", -480), Map.entry("PDT", -420), Map.entry("AKST", -540),
            Map.entry("AKDT", -480), Map.entry("HST", -600));

    /** RFC 822 as RSS wants it, always in GMT so output is stable whatever the server's zone. */
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private FeedDates() {
    }

    /** The instant {@code text} names, or null when it is absent or not a date we can read. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return null;
        }
        s = COMMENT.matcher(SPACES.matcher(s).replaceAll(" ")).replaceFirst("");
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return instant(Integer.parseInt(m.group(1)), num(m.group(2)), num(m.group(3)), m, 4, m.group(8));
            }
            String noDayName = DAY_NAME.matcher(s).replaceFirst("");
            m = DAY_FIRST.matcher(noDayName);
            if (m.matches()) {
                return instant(year(m.group(3)), month(m.group(2)), num(m.group(1)), m, 4, m.group(8));
            }
            m = MONTH_FIRST.matcher(noDayName);
            if (m.matches()) {
                boolean yearFirst = m.group(3) != null;
                int year = year(yearFirst ? m.group(3) : m.group(14));
                return instant(year, month(m.group(1)), num(m.group(2)), m, yearFirst ? 4 : 9,
                        yearFirst ? m.group(8) : m.group(13));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null; // a shape we know with impossible fields (31 February, hour 25)
        }
        return null;
    }

    /** {@code instant} as an RFC 822 date in GMT (RSS pubDate), second precision. */
    public static String rfc822(Instant instant) {
        return RFC_822.format(instant);
    }

    /** {@code instant} as an RFC 3339 date in UTC (Atom, JSON Feed), second precision. */
    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant instant(int year, int month, int day, Matcher m, int timeGroup, String zone) {
        LocalDate date = LocalDate.of(year, month, day);
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(timeGroup) != null) {
            int nanos = 0;
            String fraction = m.group(timeGroup + 3);
            if (fraction != null) {
                nanos = Integer.parseInt((fraction + "00000000").substring(0, 9));
            }
            time = LocalTime.of(num(m.group(timeGroup)), num(m.group(timeGroup + 1)),
                    m.group(timeGroup + 2) == null ? 0 : num(m.group(timeGroup + 2)), nanos);
        }
        return LocalDateTime.of(date, time).toInstant(offset(zone));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC; // no zone given: UTC is the least surprising guess
        }
        int sign = Math.max(zone.indexOf('+'), zone.indexOf('-'));
        if (sign < 0) {
            Integer minutes = ZONES.get(zone.toUpperCase(Locale.ROOT));
            return ZoneOffset.ofTotalSeconds(minutes == null ? 0 : minutes * 60);
        }
        String digits = zone.substring(sign + 1).replace(":", "");
        int hours;
        int minutes = 0;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        int total = (hours * 60 + minutes) * 60;
        return ZoneOffset.ofTotalSeconds(zone.charAt(sign) == '-' ? -total : total);
    }

    private static int month(String name) {
        Integer month = MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
            throw new DateTimeException("unknown month " + name);
        }
        return month;
    }

    /** Two-digit years as RFC 2822 reads them: 00-49 are 20xx, 50-99 are 19xx. */
    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        return year;
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
