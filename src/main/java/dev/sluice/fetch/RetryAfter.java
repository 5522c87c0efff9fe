package dev.sluice.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import okhttp3.Headers;

/** The {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {

    static final String HEADER = "Retry-After";
    /** A misconfigured header must not silence a host for weeks: a day is the longest pause honoured. */
    static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {
    }

    /** The wait the upstream asked for, measured from {@code now}; empty when absent or unreadable. */
    static Optional<Duration> parse(Headers headers, Instant now) {
        String value = headers.get(HEADER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            // Longer than 9 digits is beyond MAX anyway; avoid overflowing the parse.
            long seconds = trimmed.length() > 9 ? MAX.toSeconds() : Long.parseLong(trimmed);
            return Optional.of(capped(Duration.ofSeconds(seconds)));
        }
        Date date = headers.getDate(HEADER); // OkHttp's lenient HTTP-date parser
        if (date == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, date.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : capped(wait));
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
