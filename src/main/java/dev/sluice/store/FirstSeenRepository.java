package dev.sluice.store;

import dev.sluice.block.FirstSeenDates;
import java.time.Duration;
import java.time.Instant;

/**
 * First-seen dates of generated items, keyed by (pipe, block, guid). The first run that
 * produces an item records "now"; every later run reads that date back.
 */
public interface FirstSeenRepository extends FirstSeenDates {
    /** How long a date is kept after it was first seen (90 days). */
    Duration KEEP = Duration.ofDays(90);

    /**
     * Inserts {@code now} unless a date exists, then reads the stored one, in one transaction:
     * two concurrent runs of the same pipe agree on the date.
     */
    Instant firstSeen(String pipeId, String blockId, String guid, Instant now);
}
