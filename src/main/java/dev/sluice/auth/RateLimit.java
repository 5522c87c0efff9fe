package dev.sluice.auth;

import java.time.Duration;

/** A limit on how often something may happen per key (an address, an IP). */
public interface RateLimit {

    /** Counts one event for {@code key}, unless the key is over its limit. */
    Verdict take(String key);

    /** Whether the event may go ahead; if not, how long until it may. */
    record Verdict(boolean allowed, Duration retryAfter) {
        public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);
    }
}
