package dev.sluice.web.page;

import dev.sluice.model.RunEntry;
import dev.sluice.model.RunRecord;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One row of a pipe's run list: when, how it ended, how long it took, how many items, what went wrong. */
public record RunRowView(String time, String datetime, String outcome, String kind, String duration, String items,
                         List<String> errors) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    static RunRowView of(RunEntry run) {
        String outcome = switch (run.outcome()) {
            case OK -> "ok";
            case ERRORS -> "error";
            case STALE -> "stale served";
            case TIMED_OUT -> "timed out";
        };
        return new RunRowView(TIME.format(run.finishedAt()), ISO.format(run.finishedAt()), outcome,
                run.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), duration(run.duration()),
                run.itemCount() == RunRecord.DATA ? "data" : Integer.toString(run.itemCount()), run.errors());
    }

    /** "340 ms", "2.5 s". */
    static String duration(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
