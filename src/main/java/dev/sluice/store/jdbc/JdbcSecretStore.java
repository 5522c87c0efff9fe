package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.SecretStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** {@link SecretStore} in SQL both dialects accept. */
public final class JdbcSecretStore implements SecretStore {
    private final Database db;

    public JdbcSecretStore(Database db) {
        this.db = db;
    }

    @Override
    public String putIfAbsent(String name, String value, long createdAtMillis) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                st.setString(1, name);
                st.setString(2, value);
                st.setLong(3, createdAtMillis);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT value FROM secrets WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
