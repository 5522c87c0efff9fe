package dev.sluice.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sluice.feed.Feed;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Feeds as JSON, for storing last good outputs: our own lossless form, not JSON Feed. */
final class FeedJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FeedJson() {
    }

    static byte[] write(Feed feed) {
        try {
            return JSON.writeValueAsBytes(feed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Feed read(byte[] json) {
        try {
            return JSON.readValue(json, Feed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
