package dev.sluice.output;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Function;

/** Caffeine expiry at an instant carried by each value (fresh outputs 10 min, failed ones 60 s). */
final class FreshUntil<K, V> implements Expiry<K, V> {
    private final InstantSource clock;
    private final Function<V, Instant> until;

    FreshUntil(InstantSource clock, Function<V, Instant> until) {
        this.clock = clock;
        this.until = until;
    }

    @Override
    public long expireAfterCreate(K key, V value, long currentTime) {
        return Math.max(0, Duration.between(clock.instant(), until.apply(value)).toNanos());
    }

    @Override
    public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
