package dev.sluice.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Which GUID an item gets: the feed's own guid/id; else its link; else a hash of title,
 * date and content. Readers de-duplicate by GUID, so it must not change between runs unless the
 * item did: hence a content hash, never a counter or a random value.
 */
public final class GuidPolicy {

    /** Marks generated GUIDs; also makes them valid IRIs, which Atom ids must be. */
    public static final String PREFIX = "sluice:";

    /** 128 bits of SHA-256: collisions are out of reach and the GUID stays short. */
    private static final int HASH_BYTES = 16;

    /** Separates the parts so ("ab", "c") and ("a", "bc") hash differently. */
    private static final char SEPARATOR = '\u001f';

    private GuidPolicy() {
    }

    /** {@code item} with its GUID filled by the policy; the item itself when it already has one. */
    public static Item apply(Item item) {
        if (!item.guid().isBlank()) {
            return item;
        }
        return item.toBuilder()
                .guid(choose("", item.link(), item.title(), item.date(), bodyOf(item)))
                .guidIsPermaLink(false)
                .build();
    }

    /** The GUID for an item whose feed gave {@code feedGuid} (may be blank). */
    public static String choose(String feedGuid, String link, String title, Instant date, String content) {
        if (feedGuid != null && !feedGuid.isBlank()) {
            return feedGuid.strip();
        }
        if (link != null && !link.isBlank()) {
            return link.strip();
        }
        return stable(title, date == null ? "" : date.toString(), content);
    }

    /**
     * A GUID that is the same for the same parts on every run: {@code "sluice:"} and 32 hex
     * digits of the SHA-256 of the parts. For items made by Extract, Build Feed, Images, webhooks.
     */
    public static String stable(String... parts) {
        MessageDigest sha = sha256();
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(part == null ? "" : part).append(SEPARATOR);
        }
        byte[] digest = sha.digest(joined.toString().getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest, 0, HASH_BYTES);
    }

    private static String bodyOf(Item item) {
        return item.content().isEmpty() ? item.description() : item.content();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
