package dev.sluice.output;

import java.time.Instant;

/** A pipe output written in one format, with what HTTP caching needs. */
public record RenderedFeed(byte[] body, String contentType, String etag, Instant lastModified, FeedResult result) {
}
