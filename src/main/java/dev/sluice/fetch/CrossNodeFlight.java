package dev.sluice.fetch;

import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Function;

/**
 * The one fetch of a URL across nodes, run by this node's local flight leader: a fresh copy or a
 * failure another node left is taken as it is; otherwise whoever holds the URL's lease fetches,
 * and the others look again (a short, growing pause between looks) until the holder's copy
 * appears, its lease ends (it died, or failed without a verdict worth sharing: then one of them
 * takes over) or their own deadline passes. Looking again needs nothing but the keys themselves,
 * so no lost message can strand a waiter, and a dead holder holds nobody past its lease.
 */
final class CrossNodeFlight {

    /** How long a lease outlives its holder's deadline: time to write the copy for the others. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(2);
    private static final long FIRST_LOOK_NANOS = Duration.ofMillis(10).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(200).toNanos();

    private final SharedDownloads shared;
    private final DownloadCache cache;
    private final InstantSource clock;

    CrossNodeFlight(SharedDownloads shared, DownloadCache cache, InstantSource clock) {
        this.shared = shared;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * The outcome for {@code key}, fetched by {@code fetchHere} (given the best copy known, for a
     * conditional request) only while this node holds the lease.
     */
    FetchOutcome run(String key, CachedEntry local, FetchLimit limit, Function<CachedEntry, FetchOutcome> fetchHere) {
        CachedEntry best = local;
        long pause = FIRST_LOOK_NANOS;
        while (true) {
            SharedDownloads.Look look = shared.look(key, limit.remaining().plus(LEASE_MARGIN), limit.deadlineNanos());
            CachedEntry theirs = look.entry() == null ? null : CachedEntry.of(look.entry());
            if (theirs != null && theirs.isFresh(clock.instant())) {
                release(look);
                cache.adopt(key, theirs);
                FetchMetrics.sharedHit();
                return theirs.hit();
            }
            best = newer(best, theirs);
            if (look.failure() != null) {
                release(look);
                cache.adoptFailure(key, look.failure());
                return HttpDownloader.staleOr(best, look.failure());
            }
            if (look.lease() != null) {
                try (SharedDownloads.Lease lease = look.lease()) {
                    return fetchHere.apply(best);
                }
            }
            long left = limit.remainingNanos();
            if (left <= 0) {
                return HttpDownloader.staleOr(best, new FetchFailure.TimedOut(key
                        + ": another Sluice node is fetching it and had no complete answer within " + limit.describe()));
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(pause, left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HttpDownloader.staleOr(best, new FetchFailure.TimedOut(key + ": interrupted"));
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    private static void release(SharedDownloads.Look look) {
        if (look.lease() != null) {
            look.lease().close();
        }
    }

    /** The copy confirmed by its upstream more recently (the other may still serve if that one is gone). */
    private static CachedEntry newer(CachedEntry a, CachedEntry b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.download().fetchedAt().isAfter(a.download().fetchedAt()) ? b : a;
    }
}
