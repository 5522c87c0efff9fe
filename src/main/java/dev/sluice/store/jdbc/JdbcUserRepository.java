package dev.sluice.store.jdbc;

import dev.sluice.model.User;
import dev.sluice.store.Database;
import dev.sluice.store.UserRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/** {@link UserRepository} in SQL both dialects accept. */
public final class JdbcUserRepository implements UserRepository {
    private final Database db;
    private final InstantSource clock;

    public JdbcUserRepository(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<User> find(long id) {
        return db.read(c -> one(c, "SELECT * FROM users WHERE id = ?", id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return db.read(c -> one(c, "SELECT * FROM users WHERE email = ?", normalise(email)));
    }

    @Override
    public User findOrCreate(String email) {
        String address = normalise(email);
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO users (email, plan, created_at) VALUES (?, 'free', ?) ON CONFLICT (email) DO NOTHING")) {
                st.setString(1, address);
                st.setLong(2, clock.millis());
                st.executeUpdate();
            }
            return one(c, "SELECT * FROM users WHERE email = ?", address).orElseThrow();
        });
    }

    @Override
    public boolean setPlan(String email, String plan) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE users SET plan = ? WHERE email = ?")) {
                st.setString(1, plan);
                st.setString(2, normalise(email));
                return st.executeUpdate() == 1;
            }
        });
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<User> one(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, key);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new User(rs.getLong("id"), rs.getString("email"), rs.getString("plan"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))));
            }
        }
    }
}
