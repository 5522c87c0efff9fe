package dev.sluice.block.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Extracted articles by URL (and the site rule's selector, which changes the result), so that a
 * warm run neither fetches nor extracts. An article rarely changes once published, so an entry
 * lives {@link #LIFETIME} — longer than the downloader keeps a page fresh — and is then fetched
 * and extracted again. Pages without an article are remembered too: reading them again would
 * find nothing again. Fetch failures are not kept here; the downloader remembers those briefly.
 *
 * <p>Ages are measured on the run's clock, so tests move time; Caffeine's own expiry on the
 * system clock only frees the memory. Weighed by characters, so the cache is bounded in bytes.
 */
final class ArticleCache {
    static final Duration LIFETIME = Duration.ofHours(1);
    /** About 32 MB of text: some thousands of articles. */
    static final long MAX_CHARS = 16L * 1024 * 1024;

    private record Key(String url, String selector) {
    }

    private record Entry(Extraction extraction, Instant at) {
        int weight() {
            return switch (extraction) {
                case Extraction.Found f -> f.html().length() + f.note().length();
                case Extraction.Missing m -> m.message().length();
            };
        }
    }

    private final Cache<Key, Entry> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Key k, Entry e) -> k.url().length() + k.selector().length() + e.weight())
            .expireAfterWrite(LIFETIME)
            .build();

    /** The extraction of {@code url} with {@code selector} ("" for Readability), while it is younger than the lifetime. */
    Optional<Extraction> get(String url, String selector, InstantSource clock) {
        Entry e = entries.getIfPresent(new Key(url, selector));
        if (e == null || Duration.between(e.at(), clock.instant()).compareTo(LIFETIME) >= 0) {
            return Optional.empty();
        }
        return Optional.of(e.extraction());
    }

    void put(String url, String selector, Extraction extraction, InstantSource clock) {
        entries.put(new Key(url, selector), new Entry(extraction, clock.instant()));
    }
}
