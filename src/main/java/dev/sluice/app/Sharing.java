package dev.sluice.app;

import dev.sluice.store.Database;
import dev.sluice.store.DatabaseUrl;
import dev.sluice.store.Dialect;
import dev.sluice.store.postgres.PostgresInvalidation;
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
 * in this process exactly as a single node always kept it — except the announcement of changed
 * pipes, which nodes on one PostgreSQL database also share through it.
 */
final class Sharing implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sharing.class);

    /** Null on a single node. */
    private final Redis redis;
    private final InstantSource clock;
    private AutoCloseable invalidation;

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

    /**
     * The one announcer of changed pipes of this node: through Redis when it is there, else
     * through PostgreSQL's LISTEN/NOTIFY when the nodes share one, else this node alone.
     */
    Invalidation invalidation(Database db, DatabaseUrl database) {
        if (redis != null) {
            RedisInvalidation viaRedis = new RedisInvalidation(redis);
            invalidation = viaRedis;
            return viaRedis;
        }
        if (database.dialect() == Dialect.POSTGRESQL) {
            PostgresInvalidation viaPostgres = new PostgresInvalidation(db, database);
            invalidation = viaPostgres;
            return viaPostgres;
        }
        return new LocalInvalidation();
    }

    @Override
    public void close() {
        if (invalidation != null) {
            try {
                invalidation.close();
            } catch (Exception e) {
                LOG.warn("Closing the announcement of changed pipes failed: {}", e.toString());
            }
        }
        if (redis != null) {
            redis.close();
        }
    }
}
