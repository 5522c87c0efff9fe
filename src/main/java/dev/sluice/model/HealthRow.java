package dev.sluice.model;

import java.time.Instant;

/**
 * What a pipe's runs add up to.
 *
 * @param failures      failed runs in a row since the last good one (0 after a good run)
 * @param failingSince  when the first of them ended; null when {@code failures} is 0
 * @param lastError     the first error of the newest failed run ("" after a good run)
 * @param lastOkAt      the newest good run; null when none yet
 * @param lastNewItemAt when a completed run last brought an item not seen before (the first
 *                      completed run counts as new); null when no run completed yet
 */
public record HealthRow(String pipeId, Instant lastRunAt, int failures, Instant failingSince, String lastError,
                        Instant lastOkAt, Instant lastNewItemAt) {
}
