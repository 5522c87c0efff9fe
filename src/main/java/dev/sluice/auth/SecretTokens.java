package dev.sluice.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest API tokens are stored under. A 256-bit random value ({@link RandomTokens}) needs no
 * salt or slow hash: it cannot be guessed, so a plain SHA-256 of it is as safe to store as the
 * value is to hand out.
 */
final class SecretTokens {
    private SecretTokens() {
    }

    /** The lower-case hex SHA-256 of the UTF-8 text. */
    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
