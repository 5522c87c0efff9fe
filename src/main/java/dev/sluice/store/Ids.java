package dev.sluice.store;

import java.security.SecureRandom;

/** Random, URL-safe, unguessable identifiers and keys. */
public final class Ids {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A pipe id: 12 base-62 characters, about 71 bits. */
    public static String pipeId() {
        return random(12);
    }

    /** A feed key for private pipes: 24 base-62 characters, about 143 bits. */
    public static String feedKey() {
        return random(24);
    }

    /** An inbox attachment's id, its download URL's only credential: 32 base-62 characters, about 190 bits. */
    public static String attachmentId() {
        return random(32);
    }

    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
