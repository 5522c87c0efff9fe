package dev.sluice.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparisons of secrets (feed keys) that take the same time whatever matches. */
final class Secrets {
    private Secrets() {
    }

    static boolean same(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
