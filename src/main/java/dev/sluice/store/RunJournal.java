package dev.sluice.store;

import dev.sluice.model.RunRecord;

/**
 * The run history and health of saved pipes, written behind the requests that ran them: a run
 * is only queued in memory ({@link #record}), never written on the feed's request path — the
 * first answer of a cold pipe must not wait for SQLite's single writer. {@link #flush()} (the
 * jobs thread every few seconds, at shutdown, and pages before they read) writes the queue in
 * one transaction: each run into the history (the newest {@link #KEEP} per pipe are kept), and
 * the pipe's {@code pipe_health} row brought up to date. A crash loses at most those seconds.
 *
 * <p>The queue is bounded: should the writer fall far behind, further runs are dropped and
 * counted (and logged) rather than piling up in memory.
 */
public interface RunJournal {
    /** Runs kept per pipe. */
    int KEEP = 50;
    /** Runs waiting to be written at most; beyond, runs are dropped and counted. */
    int MAX_QUEUED = 10_000;

    /** Queues a finished run; cheap, no I/O. */
    void record(RunRecord run);

    /** Runs dropped because the queue was full. */
    long dropped();

    /** Writes the queued runs; runs of pipes deleted meanwhile are dropped. */
    void flush();
}
