package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.WebSubTopics;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link WebSubTopics} in SQL both dialects accept. */
public final class JdbcWebSubTopics implements WebSubTopics {
    private final Database db;

    public JdbcWebSubTopics(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> itemsHash(String pipeId, String paramsKey) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT items_hash FROM websub_topics WHERE pipe_id = ? AND params_key = ?")) {
                st.setString(1, pipeId);
                st.setString(2, paramsKey);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean changeTo(String pipeId, String paramsKey, String itemsHash, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE websub_topics SET items_hash = ?, changed_at = ? "
                    + "WHERE pipe_id = ? AND params_key = ? AND items_hash <> ?")) {
                st.setString(1, itemsHash);
                st.setLong(2, now.toEpochMilli());
                st.setString(3, pipeId);
                st.setString(4, paramsKey);
                st.setString(5, itemsHash);
                if (st.executeUpdate() > 0) {
                    return true;
                }
            }
            return insert(c, pipeId, paramsKey, itemsHash, now);
        });
    }

    @Override
    public boolean startAt(String pipeId, String paramsKey, String itemsHash, Instant now) {
        return db.transaction(c -> insert(c, pipeId, paramsKey, itemsHash, now));
    }

    @Override
    public int deleteUnchangedSince(Instant cutoff) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM websub_topics WHERE changed_at < ?")) {
                st.setLong(1, cutoff.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public int deleteUnsubscribed() {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM websub_topics WHERE pipe_id NOT IN "
                    + "(SELECT pipe_id FROM websub_subscriptions)")) {
                return st.executeUpdate();
            }
        });
    }

    private static boolean insert(java.sql.Connection c, String pipeId, String paramsKey, String itemsHash, Instant now)
            throws java.sql.SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO websub_topics (pipe_id, params_key, items_hash, "
                + "changed_at) VALUES (?, ?, ?, ?) ON CONFLICT (pipe_id, params_key) DO NOTHING")) {
            st.setString(1, pipeId);
            st.setString(2, paramsKey);
            st.setString(3, itemsHash);
            st.setLong(4, now.toEpochMilli());
            return st.executeUpdate() > 0;
        }
    }
}
