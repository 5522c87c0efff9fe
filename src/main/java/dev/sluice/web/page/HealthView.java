package dev.sluice.web.page;

import dev.sluice.health.Health;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A pipe's health as the owner reads it: "ok", "failing since …", "stale since …" or "no runs yet".
 *
 * @param state     the words before the time ("failing since"), or the whole state ("ok")
 * @param kind      a CSS-friendly name (ok, failing, stale, none)
 * @param time      when it began, in words ("" unless failing or stale)
 * @param datetime  the same as an ISO instant for {@code <time datetime>}
 * @param lastError the newest error when failing, else ""
 */
public record HealthView(String state, String kind, String time, String datetime, String lastError) {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    static HealthView of(Health health) {
        return switch (health.status()) {
            case NO_RUNS -> new HealthView("no runs yet", "none", "", "", "");
            case OK -> new HealthView("ok", "ok", "", "", "");
            case FAILING -> since("failing since", "failing", health);
            case STALE -> since("stale since", "stale", health);
        };
    }

    private static HealthView since(String state, String kind, Health health) {
        return health.since() == null ? new HealthView(state.replace(" since", ""), kind, "", "", health.lastError())
                : new HealthView(state, kind, TIME.format(health.since()), ISO.format(health.since()), health.lastError());
    }
}
