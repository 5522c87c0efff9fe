package dev.sluice.store.jdbc;

import dev.sluice.model.LastRun;
import dev.sluice.model.RunOutcome;
import dev.sluice.store.Database;
import dev.sluice.store.PipeRuns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PipeRuns} in SQL both dialects accept. */
public final class JdbcPipeRuns implements PipeRuns {
    private final Database db;
    private final ConcurrentHashMap<String, LastRun> pending = new ConcurrentHashMap<>();

    public JdbcPipeRuns(Database db) {
        this.db = db;
    }

    @Override
    public void record(LastRun run) {
        pending.merge(run.pipeId(), run, (old, now) -> now.finishedAt().isBefore(old.finishedAt()) ? old : now);
    }

    @Override
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, LastRun> batch = new HashMap<>(pending);
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO pipe_runs (pipe_id, outcome, error_count, finished_at) "
                    + "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM pipes WHERE id = ?) "
                    + "ON CONFLICT (pipe_id) DO UPDATE SET outcome = excluded.outcome, "
                    + "error_count = excluded.error_count, finished_at = excluded.finished_at")) {
                for (LastRun run : batch.values()) {
                    st.setString(1, run.pipeId());
                    st.setString(2, run.outcome().name());
                    st.setInt(3, run.errorCount());
                    st.setLong(4, run.finishedAt().toEpochMilli());
                    st.setString(5, run.pipeId());
                    st.addBatch();
                }
                return st.executeBatch().length;
            }
        });
        batch.forEach(pending::remove); // only entries no newer run replaced meanwhile
    }

    @Override
    public Optional<LastRun> find(String pipeId) {
        flush();
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM pipe_runs WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<String, LastRun> forOwner(long ownerId) {
        flush();
        return db.read(c -> {
            Map<String, LastRun> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT r.* FROM pipe_runs r JOIN pipes p ON p.id = r.pipe_id WHERE p.owner_id = ?")) {
                st.setLong(1, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        LastRun run = map(rs);
                        out.put(run.pipeId(), run);
                    }
                }
            }
            return out;
        });
    }

    private static LastRun map(ResultSet rs) throws SQLException {
        return new LastRun(rs.getString("pipe_id"), RunOutcome.valueOf(rs.getString("outcome")),
                rs.getInt("error_count"), Instant.ofEpochMilli(rs.getLong("finished_at")));
    }
}
