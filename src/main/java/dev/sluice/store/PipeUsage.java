package dev.sluice.store;

/**
 * How often each pipe's feed is requested (the gallery's "most used"). Feed requests only bump
 * a counter in memory — they are the hot path and must never wait on a write — and
 * {@link #flush()} adds the counts to the database in one batched UPDATE, from the jobs thread.
 * Counts of the last interval are lost if the process dies; the ordering is a popularity hint.
 */
public interface PipeUsage {
    /** One more output request of {@code pipeId}. */
    void count(String pipeId);

    /** Adds the counted requests to the database; returns how many pipes were updated. */
    int flush();
}
