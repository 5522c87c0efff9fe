package dev.sluice.fetch;

/** The typed result of a fetch: a usable document (possibly stale), or a failure. */
public sealed interface FetchOutcome {

    /** Where the document came from. */
    enum Freshness {
        /** Downloaded just now. */
        NETWORK,
        /** From the cache, within its freshness lifetime. */
        CACHE,
        /** From the cache after the upstream confirmed it (304). */
        REVALIDATED,
        /** From the cache past its freshness, because the upstream failed: see {@code staleBecause}. */
        STALE
    }

    /**
     * @param staleBecause the failure that made us use a stale copy; null unless {@code STALE}
     */
    record Fetched(Download download, Freshness freshness, FetchFailure staleBecause) implements FetchOutcome {
    }

    record Failed(FetchFailure failure) implements FetchOutcome {
    }
}
