package dev.sluice.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A finished real (uncached) run of a saved pipe, as its run history and health take it.
 *
 * @param itemCount items in the output; {@link #DATA} when the output was a data tree
 * @param errors    what went wrong, one message each (warnings too); trimmed to a few short lines
 *                  so a block that fails verbosely cannot bloat the history
 * @param itemKeys  what identifies the output's items (their guids; a data output's content hash)
 *                  when the run completed, else null: a failed run says nothing about new items
 */
public record RunRecord(String pipeId, Instant finishedAt, RunOutcome outcome, Duration duration, int itemCount,
                        List<String> errors, List<String> itemKeys) {
    public static final int DATA = -1;
    public static final int MAX_ERRORS = 10;
    public static final int MAX_ERROR_LENGTH = 500;

    public RunRecord {
        errors = errors.stream().limit(MAX_ERRORS).map(RunRecord::oneLine).toList();
        itemKeys = itemKeys == null ? null : List.copyOf(itemKeys);
    }

    public boolean failed() {
        return outcome != RunOutcome.OK;
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH - 1) + "…" : line;
    }
}
