package dev.sluice.store.jdbc;

import dev.sluice.store.ApiTokenStore;
import dev.sluice.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link ApiTokenStore} in SQL both dialects accept ({@code INSERT ... RETURNING} included). */
public final class JdbcApiTokenStore implements ApiTokenStore {
    private static final String COLUMNS = "id, user_id, name, created_at, last_used_at";

    private final Database db;

    public JdbcApiTokenStore(Database db) {
        this.db = db;
    }

    @Override
    public OptionalLong create(long userId, String name, String tokenHash, long nowMillis, int maxLive) {
        return db.transaction(c -> {
            // The user's row is locked first, so two creations racing at the limit count in turn.
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM users WHERE id = ?" + db.dialect().lockingRead())) {
                st.setLong(1, userId);
                st.executeQuery().close();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT COUNT(*) FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL")) {
                st.setLong(1, userId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= maxLive) {
                        return OptionalLong.empty();
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                st.setLong(1, userId);
                st.setString(2, name);
                st.setString(3, tokenHash);
                st.setLong(4, nowMillis);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return OptionalLong.of(rs.getLong(1));
                }
            }
        });
    }

    @Override
    public List<Token> live(long userId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens "
                    + "WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id DESC")) {
                st.setLong(1, userId);
                List<Token> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(token(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean revoke(long userId, long tokenId, long nowMillis) {
        return Jdbc.update(db, "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                nowMillis, tokenId, userId) == 1;
    }

    @Override
    public Optional<Token> findLive(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                st.setString(1, tokenHash);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void touch(long tokenId, long nowMillis) {
        Jdbc.update(db, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", nowMillis, tokenId);
    }

    private static Token token(ResultSet rs) throws SQLException {
        long used = rs.getLong(5);
        Long lastUsed = rs.wasNull() ? null : used;
        return new Token(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), lastUsed);
    }
}
