package dev.sluice.model;

import java.time.Instant;

/** One saved version of a pipe, as the history lists it (its JSON is fetched on its own). */
public record PipeVersion(int version, String title, Instant createdAt) {
}
