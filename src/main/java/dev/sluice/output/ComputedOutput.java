package dev.sluice.output;

import dev.sluice.model.StoredPipe;

/**
 * A pipe's output just produced by a real run — not a cache hit, not a joined run — as
 * {@link FeedOutputs} tells whoever pushes changes to subscribers (WebSub).
 *
 * @param pipe   the pipe as it was when it ran
 * @param key    which output of the pipe (version, parameters)
 * @param result what the run produced, or the last good output standing in for a failed run
 */
public record ComputedOutput(StoredPipe pipe, RunKey key, FeedResult result) {
}
