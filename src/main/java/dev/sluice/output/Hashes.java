package dev.sluice.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Content hashes for ETags, change detection and stable error GUIDs. */
final class Hashes {
    private Hashes() {
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A strong ETag for a body: quoted, 22 URL-safe base64 characters (132 bits). */
    static String etag(byte[] body) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body)).substring(0, 22) + "\"";
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }
}
