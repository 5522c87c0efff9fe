package dev.sluice.fetch;

import java.time.Duration;
import java.time.Instant;

/**
 * A cached download with its lifetimes. The cache-hit outcome is built once here, so a warm hit
 * allocates nothing.
 *
 * @param freshUntil served without asking the upstream until then
 * @param keepUntil  kept for revalidation and stale-if-error until then
 */
record CachedEntry(Download download, Instant freshUntil, Instant keepUntil, FetchOutcome.Fetched hit) {

    static CachedEntry of(Download download, Duration freshFor, Duration keepStaleFor) {
        Instant freshUntil = download.fetchedAt().plus(freshFor);
        return of(download, freshUntil, freshUntil.plus(keepStaleFor));
    }

    /** A copy with the lifetimes another node gave it. */
    static CachedEntry of(SharedDownloads.Entry shared) {
        return of(shared.download(), shared.freshUntil(), shared.keepUntil());
    }

    private static CachedEntry of(Download download, Instant freshUntil, Instant keepUntil) {
        return new CachedEntry(download, freshUntil, keepUntil,
                new FetchOutcome.Fetched(download, FetchOutcome.Freshness.CACHE, null));
    }

    boolean isFresh(Instant now) {
        return now.isBefore(freshUntil);
    }

    /** The entry after the upstream answered 304 at {@code now}: same bytes, new validators if sent. */
    CachedEntry revalidated(Instant now, String etag, String lastModified, Duration freshFor, Duration keepStaleFor) {
        Download old = download;
        Download confirmed = new Download(old.requestedUrl(), old.finalUrl(), old.status(), old.contentType(),
                old.body(), now, etag != null ? etag : old.etag(), lastModified != null ? lastModified : old.lastModified());
        return of(confirmed, freshFor, keepStaleFor);
    }

    /** This copy, served because fetching a newer one failed. */
    FetchOutcome.Fetched stale(FetchFailure because) {
        return new FetchOutcome.Fetched(download, FetchOutcome.Freshness.STALE, because);
    }

    /** Rough heap cost for the cache's weigher: the body dominates; the rest is headers and objects. */
    int weight() {
        return download.body().length + 2 * download.requestedUrl().length() + 2 * download.finalUrl().length() + 256;
    }
}
