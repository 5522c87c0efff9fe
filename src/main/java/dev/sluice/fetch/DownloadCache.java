package dev.sluice.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Downloads by normalised URL, weighed by their bytes and dropped once past fresh-plus-stale
 * time; and, apart from them, recent failures, kept only for the error TTL so that a failing URL
 * is not hammered but a failure never stands in for content. Both run on the injected clock.
 * With a {@link SharedDownloads} tier (several nodes), what this node fetches is offered there
 * too; what came from there is only adopted here.
 */
final class DownloadCache {

    /** Failures are small; this many URLs is plenty and keeps the map bounded. */
    private static final int MAX_FAILURES = 10_000;

    private final Cache<String, CachedEntry> documents;
    private final Cache<String, FetchFailure> failures;
    private final SharedDownloads shared;
    private final InstantSource clock;
    private final Duration errorTtl;

    /** @param shared the tier shared with other nodes, or null on a single node */
    DownloadCache(FetchConfig config, InstantSource clock, SharedDownloads shared) {
        this.shared = shared;
        this.clock = clock;
        this.errorTtl = config.errorTtl();
        Ticker ticker = () -> nanos(clock.instant());
        // Maintenance (eviction) on the calling thread: deterministic, and no common-pool tasks.
        this.documents = Caffeine.newBuilder()
                .executor(Runnable::run)
                .ticker(ticker)
                .maximumWeight(config.cacheBytes())
                .weigher((String url, CachedEntry entry) -> entry.weight())
                .expireAfter(new UntilKeptUntil())
                .build();
        this.failures = Caffeine.newBuilder()
                .executor(Runnable::run)
                .ticker(ticker)
                .maximumSize(MAX_FAILURES)
                .expireAfterWrite(config.errorTtl())
                .build();
    }

    /** The cached download for {@code url}, fresh or stale, or null. */
    CachedEntry document(String url) {
        return documents.getIfPresent(url);
    }

    /** Keeps a copy this node fetched or revalidated, and offers it to the other nodes. */
    void store(String url, CachedEntry entry) {
        adopt(url, entry);
        if (shared != null) {
            shared.store(url, new SharedDownloads.Entry(entry.download(), entry.freshUntil(), entry.keepUntil()),
                    Duration.between(clock.instant(), entry.keepUntil()));
        }
    }

    /** Keeps a copy here only: one that came from the other nodes. */
    void adopt(String url, CachedEntry entry) {
        documents.put(url, entry);
        failures.invalidate(url);
    }

    /** The failure of a fetch of {@code url} within the error TTL, or null. */
    FetchFailure recentFailure(String url) {
        return failures.getIfPresent(url);
    }

    /** Remembers a failure of this node's fetch, and tells the other nodes. */
    void rememberFailure(String url, FetchFailure failure) {
        adoptFailure(url, failure);
        if (shared != null) {
            shared.storeFailure(url, failure, errorTtl);
        }
    }

    /** Remembers a failure here only: one another node met. */
    void adoptFailure(String url, FetchFailure failure) {
        failures.put(url, failure);
    }

    /** An entry lives until its keep-until time, measured on the cache's own (injected) ticker. */
    private static final class UntilKeptUntil implements Expiry<String, CachedEntry> {
        @Override
        public long expireAfterCreate(String url, CachedEntry entry, long nowNanos) {
            return Math.max(0, nanos(entry.keepUntil()) - nowNanos);
        }

        @Override
        public long expireAfterUpdate(String url, CachedEntry entry, long nowNanos, long currentNanos) {
            return expireAfterCreate(url, entry, nowNanos);
        }

        @Override
        public long expireAfterRead(String url, CachedEntry entry, long nowNanos, long currentNanos) {
            return currentNanos;
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
