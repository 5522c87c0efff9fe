package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.SessionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** {@link SessionStore} in SQL both dialects accept. */
public final class JdbcSessionStore implements SessionStore {
    private final Database db;

    public JdbcSessionStore(Database db) {
        this.db = db;
    }

    @Override
    public void start(String idHash, long userId, long nowMillis, long expiresAtMillis) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setString(1, idHash);
                st.setLong(2, userId);
                st.setLong(3, nowMillis);
                st.setLong(4, nowMillis);
                st.setLong(5, expiresAtMillis);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
                st.setLong(1, nowMillis);
                st.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Session> live(String idHash, long nowMillis) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT user_id, last_seen_at FROM sessions WHERE id_hash = ? AND expires_at > ?")) {
                st.setString(1, idHash);
                st.setLong(2, nowMillis);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(rs.getLong(1), rs.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void renew(String idHash, long nowMillis, long expiresAtMillis) {
        Jdbc.update(db, "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?",
                nowMillis, expiresAtMillis, idHash);
    }

    @Override
    public void delete(String idHash) {
        Jdbc.update(db, "DELETE FROM sessions WHERE id_hash = ?", idHash);
    }

    @Override
    public int deleteAllOf(long userId) {
        return Jdbc.update(db, "DELETE FROM sessions WHERE user_id = ?", userId);
    }
}
