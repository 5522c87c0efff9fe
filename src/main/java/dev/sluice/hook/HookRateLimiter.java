package dev.sluice.hook;

import java.time.Duration;

/**
 * How many requests one hook may send (default 60 a minute with bursts of 20). An
 * interface, so that several Sluice nodes can later share one budget per hook.
 */
public interface HookRateLimiter {

    /** Takes one request's permit for {@code hookId}; when none is left, takes nothing and says when to retry. */
    Verdict acquire(String hookId);

    /** Whether a request may proceed, and if not, how long until it may. */
    record Verdict(boolean allowed, Duration retryAfter) {
        public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        public static Verdict retryAfter(Duration wait) {
            return new Verdict(false, wait);
        }
    }
}
