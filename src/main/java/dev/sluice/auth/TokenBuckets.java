package dev.sluice.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RateLimit} of one token bucket per key, in memory: up to {@code capacity} events at
 * once, refilled evenly over {@code window} (5 per 15 minutes = a burst of 5, then one every 3
 * minutes). Kept in the "virtual scheduling" form (GCRA): one instant per key — when its bucket
 * will be full again — updated by compare-and-set, in whole milliseconds, so there is no lock
 * and no rounding. A bucket left alone for a whole window is full, so it is simply forgotten;
 * the key count is bounded so a flood of made-up keys cannot exhaust memory.
 */
public final class TokenBuckets implements RateLimit {
    private static final long MAX_KEYS = 100_000;

    private final long interval;
    private final long burst;
    private final InstantSource clock;
    private final Cache<String, AtomicLong> fullAt;

    public TokenBuckets(int capacity, Duration window, InstantSource clock) {
        if (capacity < 1 || window.toMillis() < capacity) {
            throw new IllegalArgumentException("need capacity ≥ 1 and a window of at least capacity ms");
        }
        this.interval = window.toMillis() / capacity;
        this.burst = interval * (capacity - 1);
        this.clock = clock;
        this.fullAt = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(window)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public Verdict take(String key) {
        long now = clock.millis();
        AtomicLong full = fullAt.get(key, k -> new AtomicLong(now));
        while (true) {
            long current = full.get();
            long from = Math.max(current, now);
            // The bucket holds a token while it would be full again within (capacity - 1) intervals.
            long wait = from - now - burst;
            if (wait > 0) {
                return new Verdict(false, Duration.ofMillis(wait));
            }
            if (full.compareAndSet(current, from + interval)) {
                return Verdict.ALLOWED;
            }
        }
    }
}
