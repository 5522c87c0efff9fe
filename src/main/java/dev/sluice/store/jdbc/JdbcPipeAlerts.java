package dev.sluice.store.jdbc;

import dev.sluice.model.AlertSettings;
import dev.sluice.store.Database;
import dev.sluice.store.PipeAlerts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** {@link PipeAlerts} in SQL both dialects accept. */
public final class JdbcPipeAlerts implements PipeAlerts {
    private final Database db;
    private final InstantSource clock;

    public JdbcPipeAlerts(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public AlertSettings find(String pipeId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT on_failure, stale_after_hours FROM pipe_alerts WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? new AlertSettings(rs.getInt(1) == 1, rs.getInt(2)) : AlertSettings.OFF;
                }
            }
        });
    }

    @Override
    public java.util.Map<String, AlertSettings> ofOwner(long ownerId) {
        return db.read(c -> {
            java.util.Map<String, AlertSettings> out = new java.util.HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT a.pipe_id, a.on_failure, a.stale_after_hours "
                    + "FROM pipe_alerts a JOIN pipes p ON p.id = a.pipe_id WHERE p.owner_id = ?")) {
                st.setLong(1, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new AlertSettings(rs.getInt(2) == 1, rs.getInt(3)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void save(String pipeId, AlertSettings settings) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO pipe_alerts (pipe_id, on_failure, stale_after_hours, "
                    + "updated_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM pipes WHERE id = ?) "
                    + "ON CONFLICT (pipe_id) DO UPDATE SET on_failure = excluded.on_failure, "
                    + "stale_after_hours = excluded.stale_after_hours, updated_at = excluded.updated_at")) {
                st.setString(1, pipeId);
                st.setInt(2, settings.onFailure() ? 1 : 0);
                st.setInt(3, settings.staleAfterHours());
                st.setLong(4, clock.millis());
                st.setString(5, pipeId);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<Watched> watched() {
        return db.read(c -> {
            List<Watched> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT a.pipe_id, a.stale_after_hours, h.last_new_item_at, "
                    + "h.failures FROM pipe_alerts a JOIN pipe_health h ON h.pipe_id = a.pipe_id WHERE a.stale_after_hours > 0");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Watched(rs.getString(1), rs.getInt(2), JdbcRunHistory.instant(rs, "last_new_item_at"), rs.getInt(4)));
                }
            }
            return out;
        });
    }
}
