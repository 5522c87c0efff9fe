package dev.sluice.model;

import java.time.Instant;

/**
 * A stretch of trouble with a pipe: its runs kept failing ({@link Kind#FAILING}) or its output
 * had no new item for longer than its owner allows ({@link Kind#STALE}).
 *
 * @param since     FAILING: when the first failed run of the streak ended; STALE: the last new item
 * @param lastError FAILING: the newest error when it opened; "" for STALE
 * @param clearedAt null while it lasts
 */
public record Incident(String id, String pipeId, Kind kind, Instant since, Instant openedAt, String lastError,
                       Instant clearedAt) {

    public enum Kind { FAILING, STALE }

    public boolean open() {
        return clearedAt == null;
    }
}
