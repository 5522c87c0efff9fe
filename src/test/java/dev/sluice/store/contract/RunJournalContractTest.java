package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.HealthRow;
import dev.sluice.model.RunEntry;
import dev.sluice.model.RunOutcome;
import dev.sluice.model.RunRecord;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.RunHistory;
import dev.sluice.store.RunJournal;
import dev.sluice.store.jdbc.JdbcRunHistory;
import dev.sluice.store.jdbc.JdbcRunJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run journal: nothing written before a flush, then each run in the history (newest first,
 * 50 kept per pipe) and the pipe's health tallied; the remembered item keys survive a restart
 * byte for byte (a run with the same items brings nothing new); runs of deleted pipes vanish;
 * two nodes flushing the same pipe at once lose none of each other's runs.
 */
@BothDialects
class RunJournalContractTest extends StoreContract {
    static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    static RunRecord ok(String pipe, int minute, String... keys) {
        return new RunRecord(pipe, at(minute), RunOutcome.OK, Duration.ofMillis(100 + minute), keys.length, List.of(),
                List.of(keys));
    }

    static RunRecord failed(String pipe, int minute, String error) {
        return new RunRecord(pipe, at(minute), RunOutcome.STALE, Duration.ofMillis(50), 0, List.of(error), null);
    }

    @Test
    void runsAreWrittenAtTheFlushAndTallied() {
        User jo = user("jo@example.org");
        StoredPipe p = pipe(jo, "p");
        RunJournal journal = new JdbcRunJournal(db);
        RunHistory history = new JdbcRunHistory(db);
        journal.record(ok(p.id(), 0, "a"));
        journal.record(failed(p.id(), 2, "second"));
        journal.record(failed(p.id(), 1, "first"));
        assertThat(history.of(p.id())).isEmpty();

        journal.flush();
        List<RunEntry> runs = history.of(p.id());
        assertThat(runs).extracting(RunEntry::finishedAt).containsExactly(at(2), at(1), at(0));
        assertThat(runs.get(0).errors()).containsExactly("second");
        assertThat(runs.get(2).duration()).isEqualTo(Duration.ofMillis(100));
        assertThat(runs.get(2).itemCount()).isEqualTo(1);
        assertThat(history.health(p.id())).contains(new HealthRow(p.id(), at(2), 2, at(1), "second", at(0), at(0)));
        assertThat(history.failing(2)).extracting(HealthRow::pipeId).containsExactly(p.id());
        assertThat(history.failing(3)).isEmpty();
        assertThat(history.healthOfOwner(jo.id())).containsOnlyKeys(p.id());
        assertThat(history.healthOfOwner(user("ann@example.org").id())).isEmpty();
    }

    @Test
    void aPipeThatOnlyFailedHasNoItemKeysYetAndRecovers() {
        StoredPipe p = pipe(user("jo@example.org"), "p");
        RunJournal journal = new JdbcRunJournal(db);
        journal.record(failed(p.id(), 0, "down"));
        journal.flush();
        HealthRow down = new JdbcRunHistory(db).health(p.id()).orElseThrow();
        assertThat(down.lastNewItemAt()).isNull();
        assertThat(down.lastOkAt()).isNull();

        journal.record(ok(p.id(), 5, "a"));
        journal.flush();
        assertThat(new JdbcRunHistory(db).health(p.id())).contains(new HealthRow(p.id(), at(5), 0, null, "", at(5), at(5)));
    }

    @Test
    void theRememberedItemsSurviveARestart() {
        StoredPipe p = pipe(user("jo@example.org"), "p");
        new JdbcRunJournal(db).record(ok(p.id(), 0, "a", "b", "ü-東"));
        flushAll(new JdbcRunJournal(db), ok(p.id(), 0, "a", "b", "ü-東"));
        flushAll(new JdbcRunJournal(db), ok(p.id(), 10, "ü-東", "a"));
        assertThat(new JdbcRunHistory(db).health(p.id()).orElseThrow().lastNewItemAt())
                .as("read back after a restart: nothing new").isEqualTo(at(0));
        flushAll(new JdbcRunJournal(db), ok(p.id(), 20, "a", "c"));
        assertThat(new JdbcRunHistory(db).health(p.id()).orElseThrow().lastNewItemAt()).isEqualTo(at(20));
    }

    private static void flushAll(RunJournal journal, RunRecord... runs) {
        for (RunRecord r : runs) {
            journal.record(r);
        }
        journal.flush();
    }

    @Test
    void fiftyRunsAreKeptPerPipe() {
        StoredPipe p = pipe(user("jo@example.org"), "p");
        StoredPipe q = pipe(user("jo@example.org"), "q");
        RunJournal journal = new JdbcRunJournal(db);
        for (int minute = 0; minute < 40; minute++) {
            journal.record(ok(p.id(), minute));
        }
        journal.record(ok(q.id(), 0));
        journal.flush();
        for (int minute = 40; minute < 65; minute++) {
            journal.record(ok(p.id(), minute));
        }
        journal.flush();
        List<RunEntry> runs = new JdbcRunHistory(db).of(p.id());
        assertThat(runs).hasSize(RunJournal.KEEP);
        assertThat(runs.get(0).finishedAt()).isEqualTo(at(64));
        assertThat(runs.get(49).finishedAt()).isEqualTo(at(15));
        assertThat(count("pipe_run_history", "pipe_id = ?", p.id())).isEqualTo(50);
        assertThat(new JdbcRunHistory(db).of(q.id())).hasSize(1);
    }

    @Test
    void runsOfADeletedPipeVanish() {
        StoredPipe p = pipe(user("jo@example.org"), "p");
        RunJournal journal = new JdbcRunJournal(db);
        journal.record(ok(p.id(), 0));
        journal.record(ok("never-saved", 0));
        pipes.delete(p.id());
        journal.flush();
        assertThat(count("pipe_run_history")).isZero();
        assertThat(count("pipe_health")).isZero();
    }

    @Test
    void twoNodesFlushingOnePipeAtOnceLoseNoRun() throws Exception {
        StoredPipe p = pipe(user("jo@example.org"), "p");
        RunJournal a = new JdbcRunJournal(db);
        RunJournal b = new JdbcRunJournal(db);
        int minute = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 3; i++) {
                a.record(failed(p.id(), minute++, "a"));
                b.record(failed(p.id(), minute++, "b"));
            }
            race(List.of(() -> {
                a.flush();
                return null;
            }, () -> {
                b.flush();
                return null;
            }));
        }
        assertThat(new JdbcRunHistory(db).health(p.id()).orElseThrow().failures()).as("30 failed runs in a row").isEqualTo(30);
        assertThat(count("pipe_run_history", "pipe_id = ?", p.id())).isEqualTo(30);
    }
}
