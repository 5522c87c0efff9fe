package dev.sluice.web;

import java.util.Optional;

/**
 * Where to send a user after login: only a path on this site. "//evil.example" and
 * "/\evil.example" are read by browsers as other hosts, and browsers drop tabs and newlines from
 * URLs ("/\t/evil.example" becomes "//evil.example"), so all of those are refused.
 */
final class NextPath {
    static final String DEFAULT = "/mypipes";
    private static final int MAX_LENGTH = 2000;

    private NextPath() {
    }

    /** {@code candidate} when it is a same-site path, else empty. */
    static Optional<String> of(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH || candidate.charAt(0) != '/') {
            return Optional.empty();
        }
        if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\')) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char ch = candidate.charAt(i);
            if (ch <= ' ' || ch == 0x7f) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    /** {@code candidate} when safe, else {@link #DEFAULT}. */
    static String orDefault(String candidate) {
        return of(candidate).orElse(DEFAULT);
    }
}
