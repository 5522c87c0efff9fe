package dev.sluice.fetch;

import java.time.Duration;
import java.time.Instant;

/**
 * Downloads shared by several Sluice nodes (Redis), beneath each node's own in-memory cache:
 * copies and remembered failures another node left, and a lease per URL so that only one node
 * at a time fetches it. Implementations never throw and never wait past the deadline they are
 * given: when the shared store is unreachable they answer as if it were empty and grant every
 * lease, so each node fetches on its own, as a single node does.
 */
public interface SharedDownloads {

    /**
     * In one trip: tries to take the lease on fetching {@code url} for {@code leaseFor}, and
     * reads what other nodes left for it.
     */
    Look look(String url, Duration leaseFor, long deadlineNanos);

    /** Offers a fresh or revalidated copy to the other nodes, kept there for {@code keepFor}. */
    void store(String url, Entry entry, Duration keepFor);

    /** Tells the other nodes that fetching {@code url} failed, so they do not ask again within {@code ttl}. */
    void storeFailure(String url, FetchFailure failure, Duration ttl);

    /**
     * What the shared store holds for a URL.
     *
     * @param lease   the lease on fetching the URL, or null when another node holds it
     * @param entry   a copy another node left (fresh or stale), or null
     * @param failure a failure another node remembered, or null
     */
    record Look(Lease lease, Entry entry, FetchFailure failure) {
    }

    /** A shared copy with the lifetimes its fetching node gave it. */
    record Entry(Download download, Instant freshUntil, Instant keepUntil) {
    }

    /** The right to fetch a URL for the others; closing it (once is enough) lets the next node try. */
    interface Lease extends AutoCloseable {
        /** A lease that guards nothing: what is granted when the shared store cannot be asked. */
        Lease LOCAL = () -> {
        };

        @Override
        void close();
    }
}
