package dev.sluice.web.page;

import dev.sluice.model.LastRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A pipe's last run as the owner reads it: "ok", "errors", "stale" or "timed out", and when.
 *
 * @param label    the outcome in words
 * @param kind     a CSS-friendly name of the outcome (ok, errors, stale, timed-out, none)
 * @param ago      how long ago, in words ("" when it never ran)
 * @param datetime the ISO instant for {@code <time datetime>} ("" when it never ran)
 */
public record RunStatusView(String label, String kind, String ago, String datetime, int errorCount) {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    static final RunStatusView NEVER = new RunStatusView("not run yet", "none", "", "", 0);

    static RunStatusView of(LastRun run, Instant now) {
        if (run == null) {
            return NEVER;
        }
        String label = switch (run.outcome()) {
            case OK -> "ok";
            case ERRORS -> run.errorCount() == 1 ? "1 error" : run.errorCount() + " errors";
            case STALE -> "stale (last run failed)";
            case TIMED_OUT -> "timed out";
        };
        return new RunStatusView(label, run.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                ago(run.finishedAt(), now), ISO.format(run.finishedAt()), run.errorCount());
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago". */
    static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        long days = seconds / 86_400;
        return days == 1 ? "1 day ago" : days + " days ago";
    }
}
