package dev.sluice.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Conditional GET (RFC 9110 §13): If-None-Match wins over If-Modified-Since when both are sent. */
final class Conditional {
    private Conditional() {
    }

    /** From the request's {@code If-None-Match} and {@code If-Modified-Since} (each null when absent). */
    static boolean notModified(String inm, String ifModifiedSince, String etag, Instant lastModified) {
        if (inm != null) {
            for (String candidate : inm.split(",")) {
                String c = candidate.strip();
                if (c.startsWith("W/")) {
                    c = c.substring(2);
                }
                if (c.equals("*") || c.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        return HttpDates.parse(ifModifiedSince)
                .map(since -> !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since))
                .orElse(false);
    }
}
