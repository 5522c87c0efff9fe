package dev.sluice.health;

import dev.sluice.model.HealthRow;
import dev.sluice.model.Incident;
import dev.sluice.store.Incidents;
import dev.sluice.store.PipeAlerts;
import dev.sluice.store.RunHistory;
import dev.sluice.store.RunJournal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The background job of pipe health: writes the queued runs, opens an incident for each pipe
 * that became failing or stale and clears those that recovered — all from database state, so a
 * restarted server carries on where the last one stopped — then sends the mails owed.
 *
 * <p>Incidents are opened for every pipe, whether or not its owner wants mail: the pipe page
 * lists them, and whether a notice is mailed is decided when it is sent.
 */
public final class HealthJob implements Runnable {
    public static final Duration EVERY = Duration.ofMinutes(1);

    private final RunJournal journal;
    private final RunHistory history;
    private final PipeAlerts alerts;
    private final Incidents incidents;
    private final AlertSender sender;
    private final InstantSource clock;
    private final AlertLimits limits;

    public HealthJob(RunJournal journal, RunHistory history, PipeAlerts alerts, Incidents incidents, AlertSender sender,
                     InstantSource clock, AlertLimits limits) {
        this.journal = journal;
        this.history = history;
        this.alerts = alerts;
        this.incidents = incidents;
        this.sender = sender;
        this.clock = clock;
        this.limits = limits;
    }

    /** Synchronized: the jobs thread and a caller of {@code Sluice.checkHealth} take turns (the hourly mail count must not race). */
    @Override
    public synchronized void run() {
        journal.flush();
        Instant now = clock.instant();
        failing(now);
        stale(now);
        sender.sendPending(now);
    }

    private void failing(Instant now) {
        Map<String, HealthRow> failing = history.failing(limits.failuresToAlert()).stream()
                .collect(Collectors.toMap(HealthRow::pipeId, Function.identity()));
        Set<String> open = new HashSet<>();
        for (Incident incident : incidents.open(Incident.Kind.FAILING)) {
            open.add(incident.pipeId());
            if (!failing.containsKey(incident.pipeId())) {
                incidents.clear(incident, now, true);
            }
        }
        for (HealthRow row : failing.values()) {
            if (!open.contains(row.pipeId())) {
                incidents.open(row.pipeId(), Incident.Kind.FAILING, row.failingSince(), row.lastError(), now);
            }
        }
    }

    /**
     * Pipes watched for new items. A failing pipe's stale incident is left as it is: its failure
     * is being reported, and a failed run says nothing about new items.
     */
    private void stale(Instant now) {
        Map<String, Incident> open = incidents.open(Incident.Kind.STALE).stream()
                .collect(Collectors.toMap(Incident::pipeId, Function.identity()));
        Set<String> watched = new HashSet<>();
        for (PipeAlerts.Watched w : alerts.watched()) {
            watched.add(w.pipeId());
            if (w.failures() >= limits.failuresToAlert()) {
                continue;
            }
            Incident incident = open.get(w.pipeId());
            boolean stale = Health.stale(w.lastNewItemAt(), w.staleAfterHours(), now);
            if (stale && incident == null) {
                incidents.open(w.pipeId(), Incident.Kind.STALE, w.lastNewItemAt(), "", now);
            } else if (!stale && incident != null) {
                // A new item is news for the owner; a longer watch the owner just set is not.
                boolean newItem = w.lastNewItemAt() != null && w.lastNewItemAt().isAfter(incident.since());
                incidents.clear(incident, now, newItem);
            }
        }
        for (Incident incident : open.values()) {
            if (!watched.contains(incident.pipeId())) {
                incidents.clear(incident, now, false); // the owner stopped watching
            }
        }
    }
}
