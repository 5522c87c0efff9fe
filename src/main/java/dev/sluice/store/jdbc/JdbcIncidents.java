package dev.sluice.store.jdbc;

import dev.sluice.model.AlertNotice;
import dev.sluice.model.Incident;
import dev.sluice.model.IncidentLog;
import dev.sluice.store.Database;
import dev.sluice.store.Ids;
import dev.sluice.store.Incidents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link Incidents} in SQL both dialects accept. */
public final class JdbcIncidents implements Incidents {
    private final Database db;

    public JdbcIncidents(Database db) {
        this.db = db;
    }

    @Override
    public boolean open(String pipeId, Incident.Kind kind, Instant since, String lastError, Instant now) {
        return db.transaction(c -> {
            String id = Ids.random(16);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO pipe_incidents (id, pipe_id, kind, since, opened_at, "
                    + "last_error) SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM pipes WHERE id = ?) ON CONFLICT DO NOTHING")) {
                st.setString(1, id);
                st.setString(2, pipeId);
                st.setString(3, kind.name());
                st.setLong(4, since.toEpochMilli());
                st.setLong(5, now.toEpochMilli());
                st.setString(6, lastError);
                st.setString(7, pipeId);
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_notices (id, incident_id, owner_id, kind, "
                    + "created_at, state) SELECT ?, ?, owner_id, ?, ?, ? FROM pipes WHERE id = ?")) {
                st.setString(1, Ids.random(16));
                st.setString(2, id);
                st.setString(3, AlertNotice.Kind.OPENED.name());
                st.setLong(4, now.toEpochMilli());
                st.setString(5, AlertNotice.State.PENDING.name());
                st.setString(6, pipeId);
                st.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean clear(Incident incident, Instant now, boolean notify) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE pipe_incidents SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL")) {
                st.setLong(1, now.toEpochMilli());
                st.setString(2, incident.id());
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            if (!notify) {
                return true;
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_notices (id, incident_id, owner_id, kind, "
                    + "created_at, state) SELECT ?, incident_id, owner_id, ?, ?, ? FROM alert_notices "
                    + "WHERE incident_id = ? AND kind = ? AND state NOT IN (?, ?)")) {
                st.setString(1, Ids.random(16));
                st.setString(2, AlertNotice.Kind.CLEARED.name());
                st.setLong(3, now.toEpochMilli());
                st.setString(4, AlertNotice.State.PENDING.name());
                st.setString(5, incident.id());
                st.setString(6, AlertNotice.Kind.OPENED.name());
                st.setString(7, AlertNotice.State.SKIPPED.name());
                st.setString(8, AlertNotice.State.FAILED.name());
                st.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<Incident> open(Incident.Kind kind) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM pipe_incidents WHERE kind = ? AND cleared_at IS NULL")) {
                st.setString(1, kind.name());
                return list(st);
            }
        });
    }

    @Override
    public List<IncidentLog> recent(String pipeId, int limit) {
        return db.read(c -> {
            List<IncidentLog> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT i.*, o.state AS opened_mail, k.state AS cleared_mail "
                    + "FROM pipe_incidents i "
                    + "LEFT JOIN alert_notices o ON o.incident_id = i.id AND o.kind = 'OPENED' "
                    + "LEFT JOIN alert_notices k ON k.incident_id = i.id AND k.kind = 'CLEARED' "
                    + "WHERE i.pipe_id = ? ORDER BY i.opened_at DESC, i.id LIMIT ?")) {
                st.setString(1, pipeId);
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IncidentLog(incident(rs), state(rs.getString("opened_mail")), state(rs.getString("cleared_mail"))));
                    }
                }
            }
            return out;
        });
    }

    private static List<Incident> list(PreparedStatement st) throws SQLException {
        List<Incident> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(incident(rs));
            }
        }
        return out;
    }

    static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getString("id"), rs.getString("pipe_id"), Incident.Kind.valueOf(rs.getString("kind")),
                JdbcRunHistory.instant(rs, "since"), JdbcRunHistory.instant(rs, "opened_at"), rs.getString("last_error"),
                JdbcRunHistory.instant(rs, "cleared_at"));
    }

    private static AlertNotice.State state(String name) {
        return name == null ? null : AlertNotice.State.valueOf(name);
    }

}
