package dev.sluice.store;

import dev.sluice.model.LastRun;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of each pipe's last real run: one row per pipe, overwritten by every uncached run
 * (cache hits write nothing, so the feed's warm path never touches the database for this).
 *
 * <p>A finished run is only noted in memory: when many runs end at once (a burst of slow pipes
 * hitting their deadline together) one write each would queue their answers behind SQLite's
 * single writer. The notes reach the database in one transaction by {@link #flush()} — run by
 * the jobs thread every few seconds, at shutdown, and before every read, so readers always see
 * the latest outcome. A crash loses at most those few seconds of run statuses, nothing else.
 */
public interface PipeRuns {
    /** Notes a finished run (the newest per pipe wins). */
    void record(LastRun run);

    /** Writes the noted runs; runs of pipes deleted meanwhile are dropped. */
    void flush();

    Optional<LastRun> find(String pipeId);

    /** The last runs of all of an owner's pipes that ran, in one query (for the dashboard). */
    Map<String, LastRun> forOwner(long ownerId);
}
