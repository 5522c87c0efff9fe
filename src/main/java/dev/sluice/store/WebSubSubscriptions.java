package dev.sluice.store;

import dev.sluice.model.WebSubSubscription;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The built-in WebSub hub's verified subscriptions (table {@code websub_subscriptions}). */
public final class WebSubSubscriptions {
    private final Database db;

    public WebSubSubscriptions(Database db) {
        this.db = db;
    }

    /** Stores a verified subscription, or renews the one of the same topic and callback (its failures forgotten). */
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

    /** Whether the pair was subscribed (and now is not). */
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

    /** The subscriptions of a pipe whose lease runs past {@code now}. */
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

    /** Every subscription whose lease runs past {@code now}, at most {@code limit}, oldest first. */
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

    /** The pipes that have subscriptions (expired ones included until they are swept). */
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

    public int count() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM websub_subscriptions");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Deletes the subscriptions whose lease ended by {@code now}; how many. */
    public int deleteExpired(Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM websub_subscriptions WHERE expires_at <= ?")) {
                st.setLong(1, now.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    /** Deletes every subscription of a pipe (it is no longer public); how many. */
    public int deleteForPipe(String pipeId) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM websub_subscriptions WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                return st.executeUpdate();
            }
        });
    }

    /**
     * Counts one more notification the subscriber did not take and deletes the subscription once
     * that makes {@code dropAt} in a row; the count it reached (0 when there was no such row).
     */
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

    /** Forgets the subscriber's failures after a delivery it took (writes only when there were some). */
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
