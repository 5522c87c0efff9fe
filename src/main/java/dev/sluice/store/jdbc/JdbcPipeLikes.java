package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.PipeLikes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/** {@link PipeLikes} in SQL both dialects accept. */
public final class JdbcPipeLikes implements PipeLikes {
    private final Database db;
    private final InstantSource clock;

    public JdbcPipeLikes(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void like(String pipeId, long userId) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO pipe_likes (pipe_id, user_id, created_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                st.setString(1, pipeId);
                st.setLong(2, userId);
                st.setLong(3, clock.millis());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public void unlike(String pipeId, long userId) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM pipe_likes WHERE pipe_id = ? AND user_id = ?")) {
                st.setString(1, pipeId);
                st.setLong(2, userId);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public int count(String pipeId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM pipe_likes WHERE pipe_id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public boolean likedBy(String pipeId, long userId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pipe_likes WHERE pipe_id = ? AND user_id = ?")) {
                st.setString(1, pipeId);
                st.setLong(2, userId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public Map<String, Integer> countsForOwner(long ownerId) {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT l.pipe_id, COUNT(*) FROM pipe_likes l "
                    + "JOIN pipes p ON p.id = l.pipe_id WHERE p.owner_id = ? GROUP BY l.pipe_id")) {
                st.setLong(1, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }
}
