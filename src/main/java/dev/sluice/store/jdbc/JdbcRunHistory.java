package dev.sluice.store.jdbc;

import dev.sluice.model.HealthRow;
import dev.sluice.model.RunEntry;
import dev.sluice.model.RunOutcome;
import dev.sluice.store.Database;
import dev.sluice.store.RunHistory;
import dev.sluice.store.RunJournal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RunHistory} in SQL both dialects accept. */
public final class JdbcRunHistory implements RunHistory {
    private final Database db;

    public JdbcRunHistory(Database db) {
        this.db = db;
    }

    @Override
    public List<RunEntry> of(String pipeId) {
        return db.read(c -> {
            List<RunEntry> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM pipe_run_history WHERE pipe_id = ? "
                    + "ORDER BY finished_at DESC, id DESC LIMIT ?")) {
                st.setString(1, pipeId);
                st.setInt(2, RunJournal.KEEP);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String errors = rs.getString("errors");
                        out.add(new RunEntry(instant(rs, "finished_at"), RunOutcome.valueOf(rs.getString("outcome")),
                                Duration.ofMillis(rs.getLong("duration_ms")), rs.getInt("item_count"),
                                errors.isEmpty() ? List.of() : Arrays.asList(errors.split("\n"))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<HealthRow> health(String pipeId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM pipe_health WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(healthRow(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<String, HealthRow> healthOfOwner(long ownerId) {
        return db.read(c -> {
            Map<String, HealthRow> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT h.* FROM pipe_health h JOIN pipes p ON p.id = h.pipe_id WHERE p.owner_id = ?")) {
                st.setLong(1, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        HealthRow row = healthRow(rs);
                        out.put(row.pipeId(), row);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<HealthRow> failing(int failures) {
        return db.read(c -> {
            List<HealthRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM pipe_health WHERE failures >= ?")) {
                st.setInt(1, failures);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(healthRow(rs));
                    }
                }
            }
            return out;
        });
    }

    static HealthRow healthRow(ResultSet rs) throws SQLException {
        return new HealthRow(rs.getString("pipe_id"), instant(rs, "last_run_at"), rs.getInt("failures"),
                instant(rs, "failing_since"), rs.getString("last_error"), instant(rs, "last_ok_at"),
                instant(rs, "last_new_item_at"));
    }

    /** An epoch-milliseconds column as an instant; null stays null. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
