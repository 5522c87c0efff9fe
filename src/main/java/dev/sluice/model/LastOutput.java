package dev.sluice.model;

import java.time.Instant;

/**
 * The last complete output of a pipe for one parameter set.
 *
 * @param feedJson   the output feed, serialised by the output layer
 * @param contentTag a hash of the content, to tell whether a new run changed it
 * @param computedAt when it was computed
 * @param changedAt  when its content last changed: the feed's Last-Modified
 */
public record LastOutput(String pipeId, String paramsKey, int version, byte[] feedJson, String contentTag,
                         Instant computedAt, Instant changedAt) {
}
