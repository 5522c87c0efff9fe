package dev.sluice.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Bearer secrets handed to users (login-link tokens, session ids): 256 random bits, URL-safe. */
public final class RandomTokens {
    /** Length of a token: 32 bytes in unpadded base64url. */
    static final int LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** True when {@code s} could be a token we issued: lets garbage skip the database. */
    static boolean wellFormed(String s) {
        if (s == null || s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char ch = s.charAt(i);
            boolean ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
