package dev.sluice.websub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sluice.feed.Feed;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of a feed's items and nothing else: what decides whether subscribers hear of a run.
 * Channel fields (a build date, a description an upstream rewrites) do not count. Map entries are
 * written in key order, so equal items hash alike after a restart too (the JVM's own map order is
 * salted per process).
 */
final class ItemsHash {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ItemsHash() {
    }

    static String of(Feed feed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(JSON.writeValueAsBytes(feed.items())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("items are plain records; writing them cannot fail", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
