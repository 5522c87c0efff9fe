package dev.sluice.store.jdbc;

import dev.sluice.model.RunOutcome;
import dev.sluice.model.RunRecord;
import dev.sluice.store.Database;
import dev.sluice.store.Dialect;
import dev.sluice.store.Ids;
import dev.sluice.store.RunJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** {@link RunJournal} in SQL both dialects accept. */
public final class JdbcRunJournal implements RunJournal {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunJournal.class);

    private final Database db;
    private final ConcurrentLinkedQueue<RunRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    public JdbcRunJournal(Database db) {
        this.db = db;
    }

    @Override
    public void record(RunRecord run) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(run);
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public synchronized void flush() {
        List<RunRecord> batch = new ArrayList<>();
        for (RunRecord r; (r = queue.poll()) != null; ) {
            queued.decrementAndGet();
            batch.add(r);
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warn("{} runs were not added to the run history: the queue was full", lost);
        }
        if (batch.isEmpty()) {
            return;
        }
        // By pipe id: two nodes flushing the same pipes lock them in the same order, never crosswise.
        Map<String, List<RunRecord>> byPipe = new TreeMap<>();
        batch.stream().sorted(Comparator.comparing(RunRecord::finishedAt))
                .forEach(r -> byPipe.computeIfAbsent(r.pipeId(), k -> new ArrayList<>()).add(r));
        try {
            db.transaction(c -> {
                for (var pipe : byPipe.entrySet()) {
                    write(c, db.dialect(), pipe.getKey(), pipe.getValue());
                }
                return null;
            });
        } catch (RuntimeException e) {
            batch.forEach(this::record); // tried again at the next flush
            throw e;
        }
    }

    private static void write(Connection c, Dialect dialect, String pipeId, List<RunRecord> runs) throws SQLException {
        // The pipe's row stays locked until the commit, so another node flushing runs of the same
        // pipe reads the health row after this one wrote it instead of overwriting its tally.
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pipes WHERE id = ?" + dialect.lockingRead())) {
            st.setString(1, pipeId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
            }
        }
        Tally tally = Tally.read(c, pipeId);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO pipe_run_history "
                + "(id, pipe_id, finished_at, outcome, duration_ms, item_count, errors) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RunRecord run : runs) {
                tally.add(run);
                st.setString(1, Ids.random(16));
                st.setString(2, pipeId);
                st.setLong(3, run.finishedAt().toEpochMilli());
                st.setString(4, run.outcome().name());
                st.setLong(5, run.duration().toMillis());
                st.setInt(6, run.itemCount());
                st.setString(7, String.join("\n", run.errors()));
                st.addBatch();
            }
            st.executeBatch();
        }
        tally.write(c, pipeId);
        try (PreparedStatement st = c.prepareStatement("DELETE FROM pipe_run_history WHERE pipe_id = ? AND id NOT IN "
                + "(SELECT id FROM pipe_run_history WHERE pipe_id = ? ORDER BY finished_at DESC, id DESC LIMIT ?)")) {
            st.setString(1, pipeId);
            st.setString(2, pipeId);
            st.setInt(3, KEEP);
            st.executeUpdate();
        }
    }

    /** A pipe's health row while runs are added to it. */
    private static final class Tally {
        Instant lastRunAt;
        int failures;
        Instant failingSince;
        String lastError = "";
        Instant lastOkAt;
        Instant lastNewItemAt;
        Set<Long> itemKeys; // null until a run completed

        static Tally read(Connection c, String pipeId) throws SQLException {
            Tally t = new Tally();
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM pipe_health WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        t.lastRunAt = JdbcRunHistory.instant(rs, "last_run_at");
                        t.failures = rs.getInt("failures");
                        t.failingSince = JdbcRunHistory.instant(rs, "failing_since");
                        t.lastError = rs.getString("last_error");
                        t.lastOkAt = JdbcRunHistory.instant(rs, "last_ok_at");
                        t.lastNewItemAt = JdbcRunHistory.instant(rs, "last_new_item_at");
                        byte[] keys = rs.getBytes("item_keys");
                        t.itemKeys = keys == null ? null : ItemKeys.decode(keys);
                    }
                }
            }
            return t;
        }

        void add(RunRecord run) {
            lastRunAt = run.finishedAt();
            if (run.failed()) {
                failures++;
                if (failingSince == null) {
                    failingSince = run.finishedAt();
                }
                lastError = run.errors().isEmpty() ? describe(run.outcome()) : run.errors().get(0);
            } else {
                failures = 0;
                failingSince = null;
                lastError = "";
                lastOkAt = run.finishedAt();
            }
            if (run.itemKeys() != null) {
                Set<Long> current = ItemKeys.hashes(run.itemKeys());
                if (itemKeys == null || ItemKeys.anyNew(current, itemKeys)) {
                    lastNewItemAt = run.finishedAt();
                }
                itemKeys = ItemKeys.merge(current, itemKeys == null ? ItemKeys.none() : itemKeys);
            }
        }

        void write(Connection c, String pipeId) throws SQLException {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO pipe_health (pipe_id, last_run_at, failures, "
                    + "failing_since, last_error, last_ok_at, last_new_item_at, item_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (pipe_id) DO UPDATE SET last_run_at = excluded.last_run_at, failures = excluded.failures, "
                    + "failing_since = excluded.failing_since, last_error = excluded.last_error, "
                    + "last_ok_at = excluded.last_ok_at, last_new_item_at = excluded.last_new_item_at, "
                    + "item_keys = excluded.item_keys")) {
                st.setString(1, pipeId);
                st.setLong(2, lastRunAt.toEpochMilli());
                st.setInt(3, failures);
                setInstant(st, 4, failingSince);
                st.setString(5, lastError);
                setInstant(st, 6, lastOkAt);
                setInstant(st, 7, lastNewItemAt);
                if (itemKeys == null) {
                    st.setNull(8, Types.BINARY); // BLOB would be PostgreSQL's large-object oid, not bytea
                } else {
                    st.setBytes(8, ItemKeys.encode(itemKeys));
                }
                st.executeUpdate();
            }
        }

        private static String describe(RunOutcome outcome) {
            return switch (outcome) {
                case TIMED_OUT -> "The run hit its time limit";
                case STALE -> "The run failed; the last good output was served";
                default -> "The run failed";
            };
        }
    }

    static void setInstant(PreparedStatement st, int index, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setLong(index, value.toEpochMilli());
        }
    }
}
