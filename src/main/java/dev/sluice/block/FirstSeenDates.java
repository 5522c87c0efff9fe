package dev.sluice.block;

import java.time.Instant;

/**
 * When an undated generated item was first seen: remembered per (pipe, block, guid) so
 * a reader sees the same date on every poll instead of "now" each time.
 */
public interface FirstSeenDates {
    /** Remembers nothing: every item is first seen now (runs of unsaved pipes, tools). */
    FirstSeenDates NONE = (pipeId, blockId, guid, now) -> now;

    /**
     * The date {@code guid} was first produced by block {@code blockId} of pipe {@code pipeId};
     * {@code now} (and remembered) when it is new.
     */
    Instant firstSeen(String pipeId, String blockId, String guid, Instant now);
}
