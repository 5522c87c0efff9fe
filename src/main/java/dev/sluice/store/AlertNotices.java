package dev.sluice.store;

import dev.sluice.model.AlertNotice;
import dev.sluice.model.AlertSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert mails owed, and their sending. A notice is sent only after {@link #claim} moved it
 * from PENDING to SENDING with a conditional update: of two senders (a second job, a restarted
 * server) only one wins it, and a notice once claimed is never claimed again — should the
 * process die while the mail server has it, that one mail may be lost, never sent twice.
 */
public final class AlertNotices {
    private static final String PENDING = AlertNotice.State.PENDING.name();
    private static final String SENDING = AlertNotice.State.SENDING.name();

    private final Database db;

    public AlertNotices(Database db) {
        this.db = db;
    }

    /** Notices waiting, oldest first per owner (then by pipe title), with what their mails say. */
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
                                rs.getLong("owner_id"), rs.getString("email"), rs.getString("title"), Incidents.incident(rs),
                                settings, rs.getInt("failures"), RunHistory.instant(rs, "last_run_at")));
                    }
                }
            }
            return out;
        });
    }

    /** Takes a pending notice for the mail {@code mailId}; false when another sender has it or it is no longer pending. */
    public boolean claim(String noticeId, String mailId, Instant now) {
        return db.transaction(c -> Incidents.update(c, "UPDATE alert_notices SET state = ?, mail_id = ?, sent_at = ?, "
                + "attempts = attempts + 1 WHERE id = ? AND state = ?", SENDING, mailId, now.toEpochMilli(), noticeId, PENDING)) == 1;
    }

    /** The mail server took the mail. */
    public void sent(String mailId) {
        db.transaction(c -> Incidents.update(c, "UPDATE alert_notices SET state = ? WHERE mail_id = ? AND state = ?",
                AlertNotice.State.SENT.name(), mailId, SENDING));
    }

    /** The mail server refused the mail: its notices wait for another try, or give up after {@code maxAttempts}. */
    public void undelivered(String mailId, int maxAttempts) {
        db.transaction(c -> Incidents.update(c, "UPDATE alert_notices SET state = CASE WHEN attempts >= ? THEN ? ELSE ? END, "
                + "mail_id = NULL, sent_at = NULL WHERE mail_id = ? AND state = ?",
                maxAttempts, AlertNotice.State.FAILED.name(), PENDING, mailId, SENDING));
    }

    /** Alerts of this kind are off: the notice is not mailed. */
    public void skip(String noticeId) {
        db.transaction(c -> Incidents.update(c, "UPDATE alert_notices SET state = ? WHERE id = ? AND state = ?",
                AlertNotice.State.SKIPPED.name(), noticeId, PENDING));
    }

    /** How many alert mails went (or are going) to the owner since {@code since}. */
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
