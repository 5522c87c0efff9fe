package dev.sluice.redis;

import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.HttpDownloader;
import dev.sluice.testing.RealServices;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Redis for these tests: a database of its own (1–15, in turn) on the test Redis of
 * {@link RealServices}, emptied first; and "nodes" — each its own Redis connection and
 * downloader, as two Sluice processes would have.
 */
final class TestRedis {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestRedis() {
    }

    /** The URL of an empty database (the test is skipped where Redis is not installed). */
    static String freshUrl() {
        String url = RealServices.redisUrl() + "/" + (1 + NEXT.getAndIncrement() % 15);
        try (Redis redis = Redis.connect(RedisAddress.parse(url))) {
            redis.connection().sync().flushdb();
        }
        return url;
    }

    /** Fetching from loopback upstreams, no spacing unless the test sets one, a short back-off. */
    static FetchConfig config() {
        return FetchConfig.defaults(FetchConfig.userAgent("test", "http://sluice.test"))
                .withAllowPrivateNetworks(true)
                .withHostSpacing(Duration.ZERO)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
    }

    /** One node: its own connection, a downloader sharing downloads and host politeness through it. */
    record Node(Redis redis, HttpDownloader downloader) implements AutoCloseable {
        static Node of(String url, FetchConfig config) {
            return of(url, config, RedisDownloads.MAX_BODY);
        }

        static Node of(String url, FetchConfig config, int maxSharedBody) {
            Redis redis = Redis.connect(RedisAddress.parse(url));
            return new Node(redis, HttpDownloader.builder(config)
                    .shared(new RedisDownloads(redis, maxSharedBody))
                    .politeness(new RedisHostPoliteness(redis, config))
                    .build());
        }

        @Override
        public void close() {
            downloader.close();
            redis.close();
        }
    }
}
