package dev.sluice.app;

import dev.sluice.auth.RateLimit;
import dev.sluice.auth.TokenBuckets;
import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.HttpDownloader;
import dev.sluice.hook.HookLimits;
import dev.sluice.hook.HookRateLimiter;
import dev.sluice.hook.InMemoryHookRateLimiter;
import dev.sluice.output.Invalidation;
import dev.sluice.output.LocalInvalidation;
import dev.sluice.redis.Redis;
import dev.sluice.redis.RedisDownloads;
import dev.sluice.redis.RedisHostPoliteness;
import dev.sluice.redis.RedisInvalidation;
import dev.sluice.redis.RedisTokenBuckets;
import java.time.Duration;
import java.time.InstantSource;

/**
 * What the nodes of one installation share: in Redis when {@code SLUICE_REDIS_URL} is set
 * (downloads, per-host politeness, rate limits, the announcement of changed pipes), otherwise kept
 * in this process exactly as a single node always kept it.
 */
final class Sharing implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sharing.class);

    /** Null on a single node. */
    private final Redis redis;
    private final InstantSource clock;
    private RedisInvalidation invalidation;

    private Sharing(Redis redis, InstantSource clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /**
     * Connects to Redis when configured.
     *
     * @throws IllegalStateException when Redis does not answer: a node that silently ran alone
     *                               would break the others' politeness and invalidation
     */
    static Sharing open(Config config, InstantSource clock) {
        if (config.redis() == null) {
            return new Sharing(null, clock);
        }
        Redis redis = Redis.connect(config.redis());
        LOG.info("Sharing downloads, host politeness, rate limits and pipe changes through Redis at {}", config.redis());
        return new Sharing(redis, clock);
    }

    HttpDownloader downloader(FetchConfig fetch) {
        HttpDownloader.Builder b = HttpDownloader.builder(fetch).clock(clock);
        if (redis != null) {
            b.shared(new RedisDownloads(redis, RedisDownloads.MAX_BODY)).politeness(new RedisHostPoliteness(redis, fetch));
        }
        return b.build();
    }

    /** {@code capacity} events per key at once, refilled evenly over {@code window}; {@code name} tells limits apart. */
    RateLimit rateLimit(String name, int capacity, Duration window) {
        return redis == null ? new TokenBuckets(capacity, window, clock)
                : new RedisTokenBuckets(redis, name, capacity, window, clock);
    }

    HookRateLimiter hookRateLimiter(HookLimits hooks) {
        return redis == null ? new InMemoryHookRateLimiter(hooks.ratePerMinute(), hooks.burst(), clock)
                : RedisTokenBuckets.perMinute(redis, "hook", hooks.ratePerMinute(), hooks.burst(), clock);
    }

    /** The one announcer of changed pipes of this node. */
    Invalidation invalidation() {
        if (redis == null) {
            return new LocalInvalidation();
        }
        invalidation = new RedisInvalidation(redis);
        return invalidation;
    }

    @Override
    public void close() {
        if (invalidation != null) {
            invalidation.close();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
