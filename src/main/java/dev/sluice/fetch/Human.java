package dev.sluice.fetch;

import java.time.Duration;

/** Sizes and durations the way messages show them to users: "10 MiB", "1.5 s". */
final class Human {

    private Human() {
    }

    static String bytes(long bytes) {
        if (bytes >= FetchConfig.MIB && bytes % FetchConfig.MIB == 0) {
            return bytes / FetchConfig.MIB + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            long tenths = Math.round(millis / 100.0);
            return tenths % 10 == 0 ? tenths / 10 + " s" : tenths / 10 + "." + tenths % 10 + " s";
        }
        if (millis < 2 * 3_600_000) {
            return Math.round(millis / 60_000.0) + " min";
        }
        return Math.round(millis / 3_600_000.0) + " h";
    }
}
