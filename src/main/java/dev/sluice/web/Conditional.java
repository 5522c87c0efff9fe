package dev.sluice.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Conditional GET (RFC 9110 §13): If-None-Match wins over If-Modified-Since when both are sent. */
final class Conditional {
    private Conditional() {
    }

    static boolean notModified(Context ctx, String etag, Instant lastModified) {
        return notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, lastModified);
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
