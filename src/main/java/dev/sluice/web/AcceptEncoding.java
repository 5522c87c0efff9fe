package dev.sluice.web;

import java.util.Locale;

/** Whether a client takes a gzip-coded answer (RFC 9110 §12.5.3), read from its Accept-Encoding. */
final class AcceptEncoding {
    private AcceptEncoding() {
    }

    /**
     * True when {@code header} names {@code gzip} (or {@code x-gzip}, or {@code *} without gzip
     * being refused) with a quality above zero.
     */
    static boolean gzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean star = null;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean wanted = quality(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return wanted;
            }
            if (coding.equals("*")) {
                star = wanted;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0; // a malformed weight is not a request for this coding
                }
            }
        }
        return 1;
    }
}
