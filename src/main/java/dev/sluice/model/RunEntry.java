package dev.sluice.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One run of a pipe's history, as stored. {@code itemCount} is {@link RunRecord#DATA} for a data output. */
public record RunEntry(Instant finishedAt, RunOutcome outcome, Duration duration, int itemCount, List<String> errors) {
    public RunEntry {
        errors = List.copyOf(errors);
    }
}
