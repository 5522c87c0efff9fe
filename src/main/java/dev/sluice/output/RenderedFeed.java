package dev.sluice.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * A pipe output written in one format, with what HTTP caching needs. The body is also kept
 * gzip-compressed: feed readers ask for gzip, and compressing once per rendering instead of once
 * per request is what lets a cached feed be served at memory speed.
 *
 * @param etag the strong ETag of {@code body}; the gzip form has its own, {@link #gzipEtag()}
 */
public record RenderedFeed(byte[] body, byte[] gzipped, String contentType, String etag, Instant lastModified,
                           FeedResult result) {

    /** The output {@code body} in {@code contentType}, its ETag and gzip form computed here. */
    public static RenderedFeed of(byte[] body, String contentType, Instant lastModified, FeedResult result) {
        return new RenderedFeed(body, gzip(body), contentType, Hashes.etag(body), lastModified, result);
    }

    /** The ETag of the gzip form: a different representation needs a different strong ETag. */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    /** How many bytes the cache holds for this rendering. */
    int weight() {
        return 256 + body.length + gzipped.length;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return out.toByteArray();
    }
}
