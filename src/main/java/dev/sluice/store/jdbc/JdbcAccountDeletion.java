package dev.sluice.store.jdbc;

import dev.sluice.store.AccountDeletion;
import dev.sluice.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AccountDeletion} in SQL both dialects accept. */
public final class JdbcAccountDeletion implements AccountDeletion {
    /**
     * The statements, in order: rows that refer to pipes first, the pipes, then the account's own
     * rows. Each {@code ?} is the user's id.
     */
    private static final List<String> STATEMENTS = List.of(
            "DELETE FROM inbox_attachments WHERE mail_id IN (SELECT m.id FROM inbox_mails m JOIN inboxes i ON i.address = m.address "
                    + "JOIN pipes p ON p.id = i.pipe_id WHERE p.owner_id = ?)",
            "DELETE FROM inbox_mails WHERE address IN (SELECT i.address FROM inboxes i JOIN pipes p ON p.id = i.pipe_id WHERE p.owner_id = ?)",
            "DELETE FROM inboxes WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM websub_subscriptions WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM websub_topics WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM hook_events WHERE hook_id IN (SELECT h.hook_id FROM hooks h JOIN pipes p ON p.id = h.pipe_id WHERE p.owner_id = ?)",
            "DELETE FROM hooks WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM first_seen WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM last_outputs WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM alert_notices WHERE owner_id = ?",
            "DELETE FROM pipe_incidents WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM pipe_alerts WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM pipe_health WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM pipe_run_history WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM pipe_runs WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM pipe_likes WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?) OR user_id = ?",
            "DELETE FROM pipe_tags WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM pipe_versions WHERE pipe_id IN (SELECT id FROM pipes WHERE owner_id = ?)",
            "DELETE FROM pipes WHERE owner_id = ?",
            "DELETE FROM sessions WHERE user_id = ?",
            "DELETE FROM api_tokens WHERE user_id = ?",
            "DELETE FROM email_changes WHERE user_id = ?",
            "DELETE FROM login_links WHERE email = (SELECT email FROM users WHERE id = ?)",
            "DELETE FROM users WHERE id = ?");

    private final Database db;

    public JdbcAccountDeletion(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Deleted> delete(long userId) {
        return db.transaction(c -> {
            Optional<String> email = emailOf(c, userId);
            if (email.isEmpty()) {
                return Optional.empty();
            }
            List<String> pipeIds = pipeIds(c, userId);
            for (String sql : STATEMENTS) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    // Every parameter is the user's id (plain ? placeholders: PostgreSQL's driver has no ?1).
                    for (int i = 1; i <= parameters(sql); i++) {
                        st.setLong(i, userId);
                    }
                    st.executeUpdate();
                }
            }
            return Optional.of(new Deleted(email.get(), pipeIds));
        });
    }

    private static int parameters(String sql) {
        return (int) sql.chars().filter(ch -> ch == '?').count();
    }

    private static Optional<String> emailOf(Connection c, long userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<String> pipeIds(Connection c, long userId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM pipes WHERE owner_id = ?")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
