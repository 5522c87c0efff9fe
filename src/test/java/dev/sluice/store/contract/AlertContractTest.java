package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.AlertNotice;
import dev.sluice.model.AlertNotice.State;
import dev.sluice.model.AlertSettings;
import dev.sluice.model.Incident;
import dev.sluice.model.Incident.Kind;
import dev.sluice.model.IncidentLog;
import dev.sluice.model.RunOutcome;
import dev.sluice.model.RunRecord;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.AlertNotices;
import dev.sluice.store.Incidents;
import dev.sluice.store.PipeAlerts;
import dev.sluice.store.RunJournal;
import dev.sluice.store.jdbc.JdbcAlertNotices;
import dev.sluice.store.jdbc.JdbcIncidents;
import dev.sluice.store.jdbc.JdbcPipeAlerts;
import dev.sluice.store.jdbc.JdbcRunJournal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alerts: settings saved over each other, at most one open incident per pipe and kind (also when
 * openings race), a clearing once, the notices incidents owe and their sending — each notice
 * claimed by one sender only, given up after too many refusals, counted against the hourly limit.
 */
@BothDialects
class AlertContractTest extends StoreContract {

    @Test
    void settingsAreSavedOverEachOtherAndOffWithoutARow() {
        PipeAlerts alerts = new JdbcPipeAlerts(db, clock);
        User jo = user("jo@example.org");
        StoredPipe p = pipe(jo, "p");
        StoredPipe q = pipe(jo, "q");
        assertThat(alerts.find(p.id())).isEqualTo(AlertSettings.OFF);
        alerts.save(p.id(), new AlertSettings(true, 0));
        alerts.save(p.id(), new AlertSettings(false, 24));
        alerts.save(q.id(), new AlertSettings(true, 6));
        alerts.save("deleted-meanwhile", new AlertSettings(true, 6));
        assertThat(alerts.find(p.id())).isEqualTo(new AlertSettings(false, 24));
        assertThat(alerts.ofOwner(jo.id())).containsOnlyKeys(p.id(), q.id());
        assertThat(count("pipe_alerts")).isEqualTo(2);

        assertThat(alerts.watched()).as("only pipes that ran").isEmpty();
        RunJournal journal = new JdbcRunJournal(db);
        journal.record(new RunRecord(p.id(), T0, RunOutcome.OK, Duration.ZERO, 1, List.of(), List.of("a")));
        journal.flush();
        assertThat(alerts.watched()).containsExactly(new PipeAlerts.Watched(p.id(), 24, T0, 0));
    }

    @Test
    void oneIncidentOfAKindIsOpenPerPipe() {
        Incidents incidents = new JdbcIncidents(db);
        StoredPipe p = pipe(user("jo@example.org"), "p");
        assertThat(incidents.open(p.id(), Kind.FAILING, T0, "boom", T0.plusSeconds(60))).isTrue();
        assertThat(incidents.open(p.id(), Kind.FAILING, T0, "again", T0.plusSeconds(120))).isFalse();
        assertThat(incidents.open(p.id(), Kind.STALE, T0, "", T0.plusSeconds(120))).as("another kind").isTrue();
        assertThat(incidents.open("deleted-meanwhile", Kind.FAILING, T0, "", T0)).isFalse();

        Incident failing = incidents.open(Kind.FAILING).get(0);
        assertThat(failing).isEqualTo(new Incident(failing.id(), p.id(), Kind.FAILING, T0, T0.plusSeconds(60), "boom", null));
        assertThat(incidents.clear(failing, T0.plusSeconds(300), true)).isTrue();
        assertThat(incidents.clear(failing, T0.plusSeconds(400), true)).as("cleared once").isFalse();
        assertThat(incidents.open(Kind.FAILING)).isEmpty();
        assertThat(incidents.open(p.id(), Kind.FAILING, T0.plusSeconds(500), "later", T0.plusSeconds(600)))
                .as("a new one after the clearing").isTrue();
    }

    @Test
    void racingOpeningsOpenOneIncident() throws Exception {
        Incidents incidents = new JdbcIncidents(db);
        StoredPipe p = pipe(user("jo@example.org"), "p");
        List<Boolean> opened = race(times(6, () -> incidents.open(p.id(), Kind.FAILING, T0, "boom", T0)));
        assertThat(opened).containsOnlyOnce(true);
        assertThat(count("alert_notices")).as("with one notice").isEqualTo(1);
    }

    @Test
    void anIncidentsHistoryShowsWhatBecameOfItsMails() {
        Incidents incidents = new JdbcIncidents(db);
        AlertNotices notices = new JdbcAlertNotices(db);
        StoredPipe p = pipe(user("jo@example.org"), "p");
        incidents.open(p.id(), Kind.FAILING, T0, "first", T0);
        Incident first = incidents.open(Kind.FAILING).get(0);
        notices.skip(notices.pending(10).get(0).id());
        incidents.clear(first, T0.plusSeconds(10), true);
        assertThat(notices.pending(10)).as("no recovery mail for an opening never sent").isEmpty();

        incidents.open(p.id(), Kind.FAILING, T0.plusSeconds(20), "second", T0.plusSeconds(20));
        Incident second = incidents.open(Kind.FAILING).get(0);
        AlertNotice opening = notices.pending(10).get(0);
        notices.claim(opening.id(), "mail-1", T0.plusSeconds(21));
        notices.sent("mail-1");
        incidents.clear(second, T0.plusSeconds(30), true);

        List<IncidentLog> log = incidents.recent(p.id(), 10);
        assertThat(log).extracting(l -> l.incident().lastError()).containsExactly("second", "first");
        assertThat(log.get(0).openedMail()).isEqualTo(State.SENT);
        assertThat(log.get(0).clearedMail()).isEqualTo(State.PENDING);
        assertThat(log.get(1).openedMail()).isEqualTo(State.SKIPPED);
        assertThat(log.get(1).clearedMail()).isNull();
        assertThat(incidents.recent(p.id(), 1)).hasSize(1);
    }

    @Test
    void pendingNoticesCarryWhatTheMailSaysOldestFirstPerOwner() {
        Incidents incidents = new JdbcIncidents(db);
        AlertNotices notices = new JdbcAlertNotices(db);
        User jo = user("jo@example.org");
        StoredPipe b = pipe(jo, "B pipe");
        StoredPipe a = pipe(jo, "A pipe");
        new JdbcPipeAlerts(db, clock).save(b.id(), new AlertSettings(true, 12));
        incidents.open(b.id(), Kind.FAILING, T0, "boom", T0.plusSeconds(5));
        incidents.open(a.id(), Kind.STALE, T0, "", T0.plusSeconds(5));
        incidents.open(a.id(), Kind.FAILING, T0, "", T0.plusSeconds(1));

        List<AlertNotice> pending = notices.pending(10);
        assertThat(pending).extracting(n -> n.pipeTitle() + " " + n.incident().kind())
                .containsExactly("A pipe FAILING", "A pipe STALE", "B pipe FAILING");
        AlertNotice boom = pending.get(2);
        assertThat(boom.email()).isEqualTo("jo@example.org");
        assertThat(boom.ownerId()).isEqualTo(jo.id());
        assertThat(boom.kind()).isEqualTo(AlertNotice.Kind.OPENED);
        assertThat(boom.settings()).isEqualTo(new AlertSettings(true, 12));
        assertThat(pending.get(0).settings()).as("no settings row: off").isEqualTo(AlertSettings.OFF);
        assertThat(boom.lastRunAt()).isNull();
        assertThat(notices.pending(1)).hasSize(1);
    }

    @Test
    void aNoticeIsClaimedByOneSenderOnly() throws Exception {
        Incidents incidents = new JdbcIncidents(db);
        AlertNotices notices = new JdbcAlertNotices(db);
        StoredPipe p = pipe(user("jo@example.org"), "p");
        incidents.open(p.id(), Kind.FAILING, T0, "boom", T0);
        String id = notices.pending(1).get(0).id();
        List<Boolean> claims = race(times(6, () -> notices.claim(id, "mail-" + Thread.currentThread().getId(), T0)));
        assertThat(claims).containsOnlyOnce(true);
        assertThat(notices.pending(10)).isEmpty();
        assertThat(notices.claim(id, "later", T0)).isFalse();
    }

    @Test
    void aRefusedMailIsTriedAgainThenGivenUpAndMailsAreCounted() {
        Incidents incidents = new JdbcIncidents(db);
        AlertNotices notices = new JdbcAlertNotices(db);
        User jo = user("jo@example.org");
        StoredPipe p = pipe(jo, "p");
        incidents.open(p.id(), Kind.FAILING, T0, "boom", T0);
        String id = notices.pending(1).get(0).id();

        assertThat(notices.claim(id, "m1", T0.plusSeconds(1))).isTrue();
        assertThat(notices.mailsSince(jo.id(), T0)).isEqualTo(1);
        notices.undelivered("m1", 2);
        assertThat(notices.pending(10)).extracting(AlertNotice::id).containsExactly(id);
        assertThat(notices.mailsSince(jo.id(), T0)).as("a refused mail does not count").isZero();

        assertThat(notices.claim(id, "m2", T0.plusSeconds(2))).isTrue();
        notices.undelivered("m2", 2);
        assertThat(notices.pending(10)).as("given up after two attempts").isEmpty();
        assertThat(incidents.recent(p.id(), 1).get(0).openedMail()).isEqualTo(State.FAILED);

        incidents.open(p.id(), Kind.STALE, T0, "", T0);
        String stale = notices.pending(1).get(0).id();
        notices.claim(stale, "m3", T0.plusSeconds(3));
        notices.sent("m3");
        assertThat(notices.mailsSince(jo.id(), T0)).isEqualTo(1);
        assertThat(notices.mailsSince(jo.id(), T0.plusSeconds(4))).isZero();
    }
}
