package dev.sluice.store.jdbc;

import dev.sluice.model.WebSubSubscription;
import dev.sluice.store.Database;
import dev.sluice.store.WebSubSubscriptions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link WebSubSubscriptions} in SQL both dialects accept. */
public final class JdbcWebSubSubscriptions implements WebSubSubscriptions {
    private final Database db;

    public JdbcWebSubSubscriptions(Database db) {
        this.db = db;
    }

    @Override
    public void save(WebSubSubscription s) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO websub_subscriptions (topic, callback, pipe_id, "
                    + "format, secret, lease_seconds, created_at, expires_at, failures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0) "
                    + "ON CONFLICT (topic, callback) DO UPDATE SET pipe_id = excluded.pipe_id, format = excluded.format, "
                    + "secret = excluded.secret, lease_seconds = excluded.lease_seconds, "
                    + "expires_at = excluded.expires_at, failures = 0")) {
                st.setString(1, s.topic());
                st.setString(2, s.callback());
                st.setString(3, s.pipeId());
                st.setString(4, s.format());
                st.setString(5, s.secret());
                st.setLong(6, s.leaseSeconds());
                st.setLong(7, s.createdAt().toEpochMilli());
                st.setLong(8, s.expiresAt().toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public Optional<WebSubSubscription> find(String topic, String callback) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT * FROM websub_subscriptions WHERE topic = ? AND callback = ?")) {
                st.setString(1, topic);
                st.setString(2, callback);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean delete(String topic, String callback) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ?")) {
                st.setString(1, topic);
                st.setString(2, callback);
                return st.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<WebSubSubscription> active(String pipeId, Instant now) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT * FROM websub_subscriptions WHERE pipe_id = ? AND expires_at > ?")) {
                st.setString(1, pipeId);
                st.setLong(2, now.toEpochMilli());
                return list(st);
            }
        });
    }

    @Override
    public List<WebSubSubscription> allActive(Instant now, int limit) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM websub_subscriptions WHERE expires_at > ? "
                    + "ORDER BY created_at LIMIT ?")) {
                st.setLong(1, now.toEpochMilli());
                st.setInt(2, limit);
                return list(st);
            }
        });
    }

    @Override
    public Set<String> pipes() {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT pipe_id FROM websub_subscriptions");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public int countForPipe(String pipeId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM websub_subscriptions WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public int count() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM websub_subscriptions");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM websub_subscriptions WHERE expires_at <= ?")) {
                st.setLong(1, now.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public int deleteForPipe(String pipeId) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM websub_subscriptions WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public int failed(String topic, String callback, int dropAt) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE websub_subscriptions SET failures = failures + 1 "
                    + "WHERE topic = ? AND callback = ?")) {
                st.setString(1, topic);
                st.setString(2, callback);
                if (st.executeUpdate() == 0) {
                    return 0;
                }
            }
            int failures;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT failures FROM websub_subscriptions WHERE topic = ? AND callback = ?")) {
                st.setString(1, topic);
                st.setString(2, callback);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    failures = rs.getInt(1);
                }
            }
            if (failures >= dropAt) {
                try (PreparedStatement st = c.prepareStatement(
                        "DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ?")) {
                    st.setString(1, topic);
                    st.setString(2, callback);
                    st.executeUpdate();
                }
            }
            return failures;
        });
    }

    @Override
    public void delivered(String topic, String callback) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE websub_subscriptions SET failures = 0 "
                    + "WHERE topic = ? AND callback = ? AND failures > 0")) {
                st.setString(1, topic);
                st.setString(2, callback);
                return st.executeUpdate();
            }
        });
    }

    private static List<WebSubSubscription> list(PreparedStatement st) throws SQLException {
        List<WebSubSubscription> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static WebSubSubscription map(ResultSet rs) throws SQLException {
        return new WebSubSubscription(rs.getString("topic"), rs.getString("callback"), rs.getString("pipe_id"),
                rs.getString("format"), rs.getString("secret"), rs.getLong("lease_seconds"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                rs.getInt("failures"));
    }
}
