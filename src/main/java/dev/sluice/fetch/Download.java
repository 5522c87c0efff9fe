package dev.sluice.fetch;

import java.time.Instant;

/**
 * A downloaded document. The body is already decompressed and capped; callers must not modify
 * the array (it is shared by the cache and used as the identity key of the parsed-feed cache).
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl     the URL after redirects: the base for relative links
 * @param status       the HTTP status of the final response (200, or 304 turned into the cached 200)
 * @param contentType  the Content-Type header, or "" when absent
 * @param body         the body bytes
 * @param fetchedAt    when these bytes were last confirmed by the upstream (fetch or revalidation)
 * @param etag         the upstream's ETag, or null
 * @param lastModified the upstream's Last-Modified, or null
 */
public record Download(
        String requestedUrl,
        String finalUrl,
        int status,
        String contentType,
        byte[] body,
        Instant fetchedAt,
        String etag,
        String lastModified) {

    public Download {
        contentType = contentType == null ? "" : contentType;
    }
}
