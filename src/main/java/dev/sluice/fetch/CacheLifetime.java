package dev.sluice.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import okhttp3.CacheControl;
import okhttp3.Headers;

/**
 * How long a response stays fresh: our own minimum ({@link FetchConfig#freshFor()}), or longer
 * when the upstream's {@code Cache-Control: max-age}/{@code s-maxage} or {@code Expires} says so.
 * Shorter upstream lifetimes and {@code no-cache} are deliberately not honoured: polling a feed
 * more often than every few minutes helps nobody and is what gets fetchers blocked.
 */
final class CacheLifetime {

    /** Feeds change daily at least; a year-long max-age is a CDN default, not a promise. */
    static final Duration MAX_UPSTREAM = Duration.ofHours(24);

    private CacheLifetime() {
    }

    static Duration of(Headers headers, Instant now, Duration floor) {
        Duration upstream = upstreamLifetime(headers, now);
        if (upstream.compareTo(MAX_UPSTREAM) > 0) {
            upstream = MAX_UPSTREAM;
        }
        return upstream.compareTo(floor) > 0 ? upstream : floor;
    }

    private static Duration upstreamLifetime(Headers headers, Instant now) {
        CacheControl control = CacheControl.parse(headers);
        int maxAge = control.sMaxAgeSeconds() >= 0 ? control.sMaxAgeSeconds() : control.maxAgeSeconds();
        if (maxAge >= 0) {
            return Duration.ofSeconds(Math.max(0, maxAge - age(headers)));
        }
        Date expires = headers.getDate("Expires");
        if (expires == null) {
            return Duration.ZERO;
        }
        // Expires is relative to the upstream's own clock, which the Date header tells us.
        Date served = headers.getDate("Date");
        Duration lifetime = Duration.between(served == null ? now : served.toInstant(), expires.toInstant());
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }

    /** Seconds a shared cache in front of the upstream has already held this response. */
    private static long age(Headers headers) {
        String age = headers.get("Age");
        if (age == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(age.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
