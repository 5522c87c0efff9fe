package dev.sluice.store.jdbc;

import dev.sluice.model.AlertNotice;
import dev.sluice.model.AlertSettings;
import dev.sluice.store.AlertNotices;
import dev.sluice.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link AlertNotices} in SQL both dialects accept. */
public final class JdbcAlertNotices implements AlertNotices {
    private static final String PENDING = AlertNotice.State.PENDING.name();
    private static final String SENDING = AlertNotice.State.SENDING.name();

    private final Database db;

    public JdbcAlertNotices(Database db) {
        this.db = db;
    }

    @Override
    public List<AlertNotice> pending(int limit) {
        return db.read(c -> {
            List<AlertNotice> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT n.id AS notice_id, n.kind AS notice_kind, n.owner_id, "
                    + "u.email, p.title, i.*, a.on_failure, a.stale_after_hours, h.failures, h.last_run_at "
                    + "FROM alert_notices n JOIN pipe_incidents i ON i.id = n.incident_id JOIN pipes p ON p.id = i.pipe_id "
                    + "JOIN users u ON u.id = n.owner_id LEFT JOIN pipe_alerts a ON a.pipe_id = i.pipe_id "
                    + "LEFT JOIN pipe_health h ON h.pipe_id = i.pipe_id "
                    + "WHERE n.state = ? ORDER BY n.owner_id, n.created_at, i.since, p.title, n.id LIMIT ?")) {
                st.setString(1, PENDING);
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        AlertSettings settings = new AlertSettings(rs.getInt("on_failure") == 1, rs.getInt("stale_after_hours"));
                        out.add(new AlertNotice(rs.getString("notice_id"), AlertNotice.Kind.valueOf(rs.getString("notice_kind")),
                                rs.getLong("owner_id"), rs.getString("email"), rs.getString("title"), JdbcIncidents.incident(rs),
                                settings, rs.getInt("failures"), JdbcRunHistory.instant(rs, "last_run_at")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean claim(String noticeId, String mailId, Instant now) {
        return db.transaction(c -> Jdbc.update(c, "UPDATE alert_notices SET state = ?, mail_id = ?, sent_at = ?, "
                + "attempts = attempts + 1 WHERE id = ? AND state = ?", SENDING, mailId, now.toEpochMilli(), noticeId, PENDING)) == 1;
    }

    @Override
    public void sent(String mailId) {
        db.transaction(c -> Jdbc.update(c, "UPDATE alert_notices SET state = ? WHERE mail_id = ? AND state = ?",
                AlertNotice.State.SENT.name(), mailId, SENDING));
    }

    @Override
    public void undelivered(String mailId, int maxAttempts) {
        db.transaction(c -> Jdbc.update(c, "UPDATE alert_notices SET state = CASE WHEN attempts >= ? THEN ? ELSE ? END, "
                + "mail_id = NULL, sent_at = NULL WHERE mail_id = ? AND state = ?",
                maxAttempts, AlertNotice.State.FAILED.name(), PENDING, mailId, SENDING));
    }

    @Override
    public void skip(String noticeId) {
        db.transaction(c -> Jdbc.update(c, "UPDATE alert_notices SET state = ? WHERE id = ? AND state = ?",
                AlertNotice.State.SKIPPED.name(), noticeId, PENDING));
    }

    @Override
    public int mailsSince(long ownerId, Instant since) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(DISTINCT mail_id) FROM alert_notices "
                    + "WHERE owner_id = ? AND mail_id IS NOT NULL AND sent_at >= ?")) {
                st.setLong(1, ownerId);
                st.setLong(2, since.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
