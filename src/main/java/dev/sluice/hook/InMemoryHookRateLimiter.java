package dev.sluice.hook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;

/**
 * A token bucket per hook, in this process: {@code burst} permits, refilled at {@code perMinute}.
 * Buckets of quiet hooks are dropped after a while (a full bucket is the same as none), so the
 * map stays bounded however many hooks exist.
 */
public final class InMemoryHookRateLimiter implements HookRateLimiter {
    /** Most hooks tracked at once; beyond it the least recently used lose their bucket (and get a full one). */
    static final int MAX_HOOKS = 100_000;

    private final InstantSource clock;
    private final double permitsPerMilli;
    private final int burst;
    private final Cache<String, Bucket> buckets;

    public InMemoryHookRateLimiter(int perMinute, int burst, InstantSource clock) {
        this.clock = clock;
        this.permitsPerMilli = perMinute / 60_000.0;
        this.burst = burst;
        // After this long without requests a bucket is full again, so forgetting it changes nothing.
        Duration refill = Duration.ofMillis((long) Math.ceil(burst / permitsPerMilli));
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_HOOKS).expireAfterAccess(refill)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    @Override
    public Verdict acquire(String hookId) {
        return buckets.get(hookId, id -> new Bucket(burst, clock.millis())).take(clock.millis(), permitsPerMilli, burst);
    }

    /** The permits left at {@code updatedAt}; guarded by its own lock (one hook's requests only). */
    private static final class Bucket {
        private double permits;
        private long updatedAt;

        Bucket(double permits, long now) {
            this.permits = permits;
            this.updatedAt = now;
        }

        synchronized Verdict take(long now, double perMilli, int burst) {
            if (now > updatedAt) {
                permits = Math.min(burst, permits + (now - updatedAt) * perMilli);
                updatedAt = now;
            }
            if (permits >= 1) {
                permits -= 1;
                return Verdict.ALLOWED;
            }
            long wait = (long) Math.ceil((1 - permits) / perMilli);
            return Verdict.retryAfter(Duration.ofMillis(Math.max(1, wait)));
        }
    }
}
