package dev.sluice.redis;

import dev.sluice.auth.RateLimit;
import dev.sluice.auth.TokenBuckets;
import dev.sluice.hook.HookRateLimiter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * A token bucket per key shared by every node, kept in Redis by bucket4j (compare-and-set on one
 * key per bucket): up to {@code capacity} events at once, refilled evenly over {@code window} —
 * the same budget as {@link TokenBuckets}, which takes over on this node alone while Redis does
 * not answer. Serves both the login and e-mail limits ({@link RateLimit}) and the webhooks'
 * ({@link HookRateLimiter}). A bucket's key expires once it would be full again.
 */
public final class RedisTokenBuckets implements RateLimit, HookRateLimiter {

    private final ProxyManager<String> buckets;
    private final String prefix;
    private final Supplier<BucketConfiguration> configuration;
    private final TokenBuckets local;
    private final Outage outage;

    /** @param name what the buckets limit, unique among the limits ("login-ip"); part of their keys */
    public RedisTokenBuckets(Redis redis, String name, int capacity, Duration window, InstantSource clock) {
        this.local = new TokenBuckets(capacity, window, clock);
        this.prefix = "sluice:rate:" + name + ":";
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window)).build();
        this.configuration = () -> config;
        this.buckets = Bucket4jLettuce.casBasedBuilder(redis.connection())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .clientClock(new Clock(clock))
                .requestTimeout(Redis.COMMAND_TIMEOUT)
                .build();
        this.outage = new Outage("the " + name + " rate limit", redis);
    }

    /** Webhook limits: {@code burst} requests at once, {@code perMinute} on average. */
    public static RedisTokenBuckets perMinute(Redis redis, String name, int perMinute, int burst, InstantSource clock) {
        return new RedisTokenBuckets(redis, name, burst, Duration.ofMillis(Math.max(burst, 60_000L * burst / perMinute)),
                clock);
    }

    @Override
    public RateLimit.Verdict take(String key) {
        if (outage.resting()) {
            return local.take(key);
        }
        ConsumptionProbe probe;
        try {
            probe = buckets.getProxy(prefix + key, configuration).tryConsumeAndReturnRemaining(1);
            outage.answered();
        } catch (RuntimeException e) { // bucket4j wraps Lettuce's failures in its own exceptions
            outage.failed(e);
            return local.take(key);
        }
        return probe.isConsumed() ? RateLimit.Verdict.ALLOWED
                : new RateLimit.Verdict(false, Duration.ofNanos(Math.max(1_000_000, probe.getNanosToWaitForRefill())));
    }

    @Override
    public HookRateLimiter.Verdict acquire(String hookId) {
        RateLimit.Verdict verdict = take(hookId);
        return verdict.allowed() ? HookRateLimiter.Verdict.ALLOWED : HookRateLimiter.Verdict.retryAfter(verdict.retryAfter());
    }

    /** bucket4j's time from the injected clock, so tests move it by hand. */
    private record Clock(InstantSource clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
