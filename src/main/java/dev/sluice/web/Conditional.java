package dev.sluice.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Conditional GET (RFC 9110 §13): If-None-Match wins over If-Modified-Since when both are sent. */
final class Conditional {
    private Conditional() {
    }

    static boolean notModified(Context ctx, String etag, Instant lastModified) {
        String inm = ctx.header("If-None-Match");
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
        return HttpDates.parse(ctx.header("If-Modified-Since"))
                .map(since -> !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since))
                .orElse(false);
    }
}
