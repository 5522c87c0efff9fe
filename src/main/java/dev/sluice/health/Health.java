package dev.sluice.health;

import dev.sluice.model.AlertSettings;
import dev.sluice.model.HealthRow;
import java.time.Duration;
import java.time.Instant;

/**
 * A pipe's health, from its runs: never ran, ok, failing (at least the threshold of failed runs
 * in a row) or stale (watched for new items, and none came for longer than its owner allows).
 * Failing wins over stale: a pipe whose runs fail has no new items either, and the failure is
 * what its owner needs to hear about. The dashboard and the job judge by this one rule.
 *
 * @param since     FAILING: the first failed run of the streak; STALE: the last new item; else null
 * @param lastError FAILING: the newest failed run's first error; else ""
 */
public record Health(Status status, Instant since, String lastError) {

    public enum Status { NO_RUNS, OK, FAILING, STALE }

    static final Health NO_RUNS = new Health(Status.NO_RUNS, null, "");

    public static Health judge(HealthRow row, AlertSettings settings, AlertLimits limits, Instant now) {
        if (row == null) {
            return NO_RUNS;
        }
        if (row.failures() >= limits.failuresToAlert()) {
            return new Health(Status.FAILING, row.failingSince(), row.lastError());
        }
        if (stale(row.lastNewItemAt(), settings.staleAfterHours(), now)) {
            return new Health(Status.STALE, row.lastNewItemAt(), "");
        }
        return new Health(Status.OK, null, "");
    }

    /** Whether {@code hours} (0: not watched) have passed since the last new item. */
    static boolean stale(Instant lastNewItemAt, int hours, Instant now) {
        return hours > 0 && lastNewItemAt != null && !now.isBefore(lastNewItemAt.plus(Duration.ofHours(hours)));
    }
}
