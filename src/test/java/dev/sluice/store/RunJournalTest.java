package dev.sluice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.HealthRow;
import dev.sluice.model.RunEntry;
import dev.sluice.model.RunOutcome;
import dev.sluice.model.RunRecord;
import dev.sluice.store.jdbc.JdbcRunHistory;
import dev.sluice.store.jdbc.JdbcRunJournal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run journal on a real SQLite file: nothing is written until it is flushed, failures in a
 * row and new items are tallied as the owner would count them, 50 runs are kept, runs of deleted
 * pipes vanish, and a flood beyond the queue's bound is dropped and counted rather than held.
 */
class RunJournalTest {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;
    Database db;
    RunJournal journal;
    RunHistory history;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        sql("INSERT INTO users (id, email, created_at) VALUES (1, 'jo@example.org', 0)");
        for (String id : List.of("p1", "p2")) {
            sql("INSERT INTO pipes (id, owner_id, pipe_json, version, feed_key, created_at, updated_at) VALUES (?, 1, '{}', 1, 'k', 0, 0)", id);
        }
        journal = new JdbcRunJournal(db);
        history = new JdbcRunHistory(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void sql(String statement, Object... args) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(statement)) {
                for (int i = 0; i < args.length; i++) {
                    st.setObject(i + 1, args[i]);
                }
                return st.executeUpdate();
            }
        });
    }

    static RunRecord ok(String pipe, int minute, String... guids) {
        return new RunRecord(pipe, T0.plus(Duration.ofMinutes(minute)), RunOutcome.OK, Duration.ofMillis(120), guids.length,
                List.of(), List.of(guids));
    }

    static RunRecord failed(String pipe, int minute, String error) {
        return new RunRecord(pipe, T0.plus(Duration.ofMinutes(minute)), RunOutcome.STALE, Duration.ofMillis(80), 0,
                List.of(error), null);
    }

    @Test
    void runsAreWrittenOnlyWhenFlushedAndTalliedInOrder() {
        journal.record(ok("p1", 0, "a", "b"));
        journal.record(failed("p1", 20, "Feed (f): upstream answered 500\nwith a second line"));
        journal.record(failed("p1", 10, "Feed (f): first"));
        assertThat(history.of("p1")).as("nothing written before the flush").isEmpty();

        journal.flush();
        List<RunEntry> runs = history.of("p1");
        assertThat(runs).extracting(RunEntry::outcome).containsExactly(RunOutcome.STALE, RunOutcome.STALE, RunOutcome.OK);
        assertThat(runs.get(0).errors()).containsExactly("Feed (f): upstream answered 500 with a second line");
        assertThat(runs.get(2).itemCount()).isEqualTo(2);
        HealthRow h = history.health("p1").orElseThrow();
        assertThat(h.failures()).isEqualTo(2);
        assertThat(h.failingSince()).as("the first failure, though queued second").isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(h.lastError()).contains("answered 500");
        assertThat(h.lastNewItemAt()).isEqualTo(T0);

        journal.record(ok("p1", 30, "a", "b"));
        journal.flush();
        h = history.health("p1").orElseThrow();
        assertThat(h.failures()).isZero();
        assertThat(h.failingSince()).isNull();
        assertThat(h.lastError()).isEmpty();
        assertThat(h.lastNewItemAt()).as("the same items are no news").isEqualTo(T0);
    }

    @Test
    void itemsSeenUnderOtherParametersAreNoNewsButAnUnseenOneIs() {
        journal.record(ok("p1", 0, "rust-1", "rust-2"));
        journal.record(ok("p1", 10, "go-1", "go-2"));
        journal.flush();
        assertThat(history.health("p1").orElseThrow().lastNewItemAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        journal.record(ok("p1", 20, "rust-2", "rust-1"));
        journal.record(ok("p1", 30, "go-1"));
        journal.flush();
        assertThat(history.health("p1").orElseThrow().lastNewItemAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        journal.record(ok("p1", 40, "go-3", "go-1"));
        journal.flush();
        assertThat(history.health("p1").orElseThrow().lastNewItemAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
    }

    @Test
    void fiftyRunsAreKeptPerPipeAndDeletedPipesLeaveNothing() {
        for (int i = 0; i < 70; i++) {
            journal.record(ok("p1", i, "x"));
            journal.record(ok("p2", i, "y"));
        }
        journal.flush();
        journal.record(ok("p1", 100, "x"));
        journal.flush();
        List<RunEntry> runs = history.of("p1");
        assertThat(runs).hasSize(RunJournal.KEEP);
        assertThat(runs.get(0).finishedAt()).isEqualTo(T0.plus(Duration.ofMinutes(100)));
        assertThat(runs.get(49).finishedAt()).isEqualTo(T0.plus(Duration.ofMinutes(21)));
        assertThat(history.of("p2")).hasSize(RunJournal.KEEP);

        journal.record(ok("p2", 200, "y"));
        sql("DELETE FROM pipes WHERE id = 'p2'");
        journal.flush();
        assertThat(history.of("p2")).isEmpty();
        assertThat(history.health("p2")).isEmpty();
    }

    @Test
    void aFloodBeyondTheQueuesBoundIsDroppedAndCounted() {
        for (int i = 0; i < RunJournal.MAX_QUEUED + 25; i++) {
            journal.record(ok("p1", i, "x"));
        }
        assertThat(journal.dropped()).isEqualTo(25);
        journal.flush();
        assertThat(journal.dropped()).as("reported at the flush").isZero();
        assertThat(history.of("p1")).hasSize(RunJournal.KEEP);
        assertThat(history.health("p1").orElseThrow().lastRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(RunJournal.MAX_QUEUED - 1)));
    }

    @Test
    void longAndManyErrorsAreCutToAFewShortLines() {
        List<String> errors = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "e" + i + " " + "x".repeat(5000)).toList();
        journal.record(new RunRecord("p1", T0, RunOutcome.ERRORS, Duration.ZERO, 0, errors, null));
        journal.flush();
        RunEntry run = history.of("p1").get(0);
        assertThat(run.errors()).hasSize(RunRecord.MAX_ERRORS).allMatch(e -> e.length() <= RunRecord.MAX_ERROR_LENGTH);
    }
}
