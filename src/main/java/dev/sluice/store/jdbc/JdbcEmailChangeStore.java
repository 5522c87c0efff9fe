package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.EmailChangeStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** {@link EmailChangeStore} in SQL both dialects accept. */
public final class JdbcEmailChangeStore implements EmailChangeStore {
    private final Database db;

    public JdbcEmailChangeStore(Database db) {
        this.db = db;
    }

    @Override
    public void issue(String tokenHash, long userId, String newEmail, long nowMillis, long expiresAtMillis,
                      long purgeBeforeMillis) {
        db.transaction(c -> {
            Jdbc.update(c, "INSERT INTO email_changes (token_hash, user_id, new_email, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?)", tokenHash, userId, newEmail, nowMillis, expiresAtMillis);
            Jdbc.update(c, "DELETE FROM email_changes WHERE expires_at < ?", purgeBeforeMillis);
            return null;
        });
    }

    @Override
    public Optional<Change> find(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT user_id, new_email, used_at, expires_at FROM email_changes WHERE token_hash = ?")) {
                st.setString(1, tokenHash);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long used = rs.getLong(3);
                    Long usedAt = rs.wasNull() ? null : used;
                    return Optional.of(new Change(rs.getLong(1), rs.getString(2), usedAt, rs.getLong(4)));
                }
            }
        });
    }

    @Override
    public Applied apply(String tokenHash, long userId, String newEmail, long nowMillis) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM users WHERE email = ? AND id <> ?")) {
                st.setString(1, newEmail);
                st.setLong(2, userId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return new Applied(Outcome.TAKEN, null);
                    }
                }
            }
            int used = Jdbc.update(c, "UPDATE email_changes SET used_at = ? "
                    + "WHERE token_hash = ? AND user_id = ? AND used_at IS NULL AND expires_at > ?",
                    nowMillis, tokenHash, userId, nowMillis);
            if (used == 0) {
                return new Applied(Outcome.ALREADY_USED, null);
            }
            String oldEmail;
            try (PreparedStatement st = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
                st.setLong(1, userId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    oldEmail = rs.getString(1);
                }
            }
            Jdbc.update(c, "UPDATE users SET email = ? WHERE id = ?", newEmail, userId);
            return new Applied(Outcome.CHANGED, oldEmail);
        });
    }
}
