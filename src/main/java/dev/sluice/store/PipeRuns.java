package dev.sluice.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of each pipe's last real run: one row per pipe, overwritten by every uncached run
 * (cache hits write nothing, so the feed's warm path never touches the database for this).
 */
public final class PipeRuns {
    private final Database db;

    public PipeRuns(Database db) {
        this.db = db;
    }

    /** Records a finished run; a run of a pipe deleted meanwhile is dropped. */
    public void record(LastRun run) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO pipe_runs (pipe_id, outcome, error_count, finished_at) "
                    + "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM pipes WHERE id = ?) "
                    + "ON CONFLICT (pipe_id) DO UPDATE SET outcome = excluded.outcome, "
                    + "error_count = excluded.error_count, finished_at = excluded.finished_at")) {
                st.setString(1, run.pipeId());
                st.setString(2, run.outcome().name());
                st.setInt(3, run.errorCount());
                st.setLong(4, run.finishedAt().toEpochMilli());
                st.setString(5, run.pipeId());
                return st.executeUpdate();
            }
        });
    }

    public Optional<LastRun> find(String pipeId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM pipe_runs WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The last runs of all of an owner's pipes that ran, in one query (for the dashboard). */
    public Map<String, LastRun> forOwner(long ownerId) {
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
