package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.LoginLinkStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** {@link LoginLinkStore} in SQL both dialects accept ({@code UPDATE ... RETURNING} included). */
public final class JdbcLoginLinkStore implements LoginLinkStore {
    private final Database db;

    public JdbcLoginLinkStore(Database db) {
        this.db = db;
    }

    @Override
    public void issue(String tokenHash, String email, String nextPath, long nowMillis, long expiresAtMillis,
                      long purgeBeforeMillis) {
        db.transaction(c -> {
            Jdbc.update(c, "INSERT INTO login_links (token_hash, email, next_path, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?)", tokenHash, email, nextPath, nowMillis, expiresAtMillis);
            Jdbc.update(c, "DELETE FROM login_links WHERE expires_at < ?", purgeBeforeMillis);
            return null;
        });
    }

    @Override
    public Optional<Used> use(String tokenHash, long nowMillis) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE login_links SET used_at = ? "
                    + "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING email, next_path")) {
                st.setLong(1, nowMillis);
                st.setString(2, tokenHash);
                st.setLong(3, nowMillis);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Used(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Unusable whyUnusable(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT used_at FROM login_links WHERE token_hash = ?")) {
                st.setString(1, tokenHash);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Unusable.UNKNOWN;
                    }
                    rs.getLong(1);
                    return rs.wasNull() ? Unusable.EXPIRED : Unusable.USED;
                }
            }
        });
    }
}
