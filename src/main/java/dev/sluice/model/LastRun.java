package dev.sluice.model;

import java.time.Instant;

/** The outcome of a pipe's most recent real run. */
public record LastRun(String pipeId, RunOutcome outcome, int errorCount, Instant finishedAt) {
}
