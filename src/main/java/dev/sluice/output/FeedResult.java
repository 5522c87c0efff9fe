package dev.sluice.output;

import dev.sluice.block.Value;
import dev.sluice.engine.RunError;
import dev.sluice.feed.Feed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A pipe's output for one parameter set, ready to be written in any format.
 *
 * @param errors     what went wrong in the run that produced (or failed to produce) it
 * @param computedAt when the items were computed
 * @param changedAt  when the content last changed (Last-Modified)
 * @param staleAge   how old a stale-if-error copy is; null when this is the run's own output
 * @param complete   whether the run completed without failures
 * @param freshUntil until when it may be served from cache
 * @param data       the output of a data pipe (then {@code feed} is empty), or null for a feed
 */
public record FeedResult(Feed feed, List<RunError> errors, Instant computedAt, Instant changedAt,
                         Duration staleAge, boolean complete, Instant freshUntil, Value.Data data) {
    public FeedResult {
        errors = List.copyOf(errors);
    }

    /** The output of a pipe that ends in a feed. */
    public FeedResult(Feed feed, List<RunError> errors, Instant computedAt, Instant changedAt,
                      Duration staleAge, boolean complete, Instant freshUntil) {
        this(feed, errors, computedAt, changedAt, staleAge, complete, freshUntil, null);
    }

    /** Whether the pipe outputs data (JSON/XML) rather than a feed. */
    public boolean isData() {
        return data != null;
    }

    public boolean stale() {
        return staleAge != null;
    }
}
