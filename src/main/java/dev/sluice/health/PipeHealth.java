package dev.sluice.health;

import dev.sluice.model.AlertSettings;
import dev.sluice.model.HealthRow;
import dev.sluice.model.IncidentLog;
import dev.sluice.model.RunEntry;
import dev.sluice.store.Incidents;
import dev.sluice.store.PipeAlerts;
import dev.sluice.store.RunHistory;
import dev.sluice.store.RunJournal;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pipe health as the pages and the API show it: each read first writes the queued runs, so an
 * owner sees the run that just happened. Who may read what is the web layer's business.
 */
public final class PipeHealth {
    /** Incidents shown on a pipe's page. */
    static final int INCIDENTS_SHOWN = 10;

    private final RunJournal journal;
    private final RunHistory history;
    private final PipeAlerts alerts;
    private final Incidents incidents;
    private final AlertLimits limits;
    private final InstantSource clock;

    public PipeHealth(RunJournal journal, RunHistory history, PipeAlerts alerts, Incidents incidents, AlertLimits limits,
                      InstantSource clock) {
        this.journal = journal;
        this.history = history;
        this.alerts = alerts;
        this.incidents = incidents;
        this.limits = limits;
        this.clock = clock;
    }

    /** The health of each of an owner's pipes that ran (absent: no runs yet). */
    public Map<String, Health> ofOwner(long ownerId, List<String> pipeIds) {
        journal.flush();
        Map<String, HealthRow> rows = history.healthOfOwner(ownerId);
        Map<String, AlertSettings> settings = alerts.ofOwner(ownerId);
        Map<String, Health> out = new HashMap<>();
        for (String id : pipeIds) {
            out.put(id, Health.judge(rows.get(id), settings.getOrDefault(id, AlertSettings.OFF), limits, clock.instant()));
        }
        return out;
    }

    public Health of(String pipeId) {
        journal.flush();
        return Health.judge(history.health(pipeId).orElse(null), alerts.find(pipeId), limits, clock.instant());
    }

    /** The pipe's last runs, newest first. */
    public List<RunEntry> runs(String pipeId) {
        journal.flush();
        return history.of(pipeId);
    }

    public AlertSettings settings(String pipeId) {
        return alerts.find(pipeId);
    }

    public void save(String pipeId, AlertSettings settings) {
        alerts.save(pipeId, settings);
    }

    /** The pipe's newest incidents and what became of their mails. */
    public List<IncidentLog> incidents(String pipeId) {
        return incidents.recent(pipeId, INCIDENTS_SHOWN);
    }

    public AlertLimits limits() {
        return limits;
    }
}
