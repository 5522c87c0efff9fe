package dev.sluice.store.jdbc;

import dev.sluice.model.StoredPipe;
import dev.sluice.store.Database;
import dev.sluice.store.Ids;
import dev.sluice.store.PipeRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link PipeRepository} in SQL both dialects accept. */
public final class JdbcPipeRepository implements PipeRepository {
    private final Database db;
    private final InstantSource clock;

    public JdbcPipeRepository(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public StoredPipe create(long ownerId, Draft draft) {
        String id = Ids.pipeId();
        long now = clock.millis();
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO pipes (id, owner_id, title, description, "
                    + "pipe_json, version, is_public, feed_key, created_at, updated_at, shared_at) "
                    + "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setLong(2, ownerId);
                st.setString(3, draft.title());
                st.setString(4, draft.description());
                st.setString(5, draft.json());
                st.setInt(6, draft.isPublic() ? 1 : 0);
                st.setString(7, Ids.feedKey());
                st.setLong(8, now);
                st.setLong(9, now);
                st.setObject(10, draft.isPublic() ? now : null);
                st.executeUpdate();
            }
            writeTags(c, id, draft.tags());
            writeVersion(c, id, 1, draft, now);
            return null;
        });
        return find(id).orElseThrow();
    }

    @Override
    public Optional<StoredPipe> update(String id, Draft draft) {
        long now = clock.millis();
        return db.transaction(c -> {
            int version;
            try (PreparedStatement st = c.prepareStatement("UPDATE pipes SET title = ?, description = ?, pipe_json = ?, "
                    + "version = version + 1, is_public = ?, updated_at = ?, "
                    + "shared_at = CASE WHEN ? = 1 THEN COALESCE(shared_at, ?) ELSE NULL END WHERE id = ? RETURNING version")) {
                st.setString(1, draft.title());
                st.setString(2, draft.description());
                st.setString(3, draft.json());
                st.setInt(4, draft.isPublic() ? 1 : 0);
                st.setLong(5, now);
                st.setInt(6, draft.isPublic() ? 1 : 0);
                st.setLong(7, now);
                st.setString(8, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<StoredPipe>empty();
                    }
                    version = rs.getInt(1);
                }
            }
            writeTags(c, id, draft.tags());
            writeVersion(c, id, version, draft, now);
            return find(c, id);
        });
    }

    @Override
    public Optional<StoredPipe> updateDetails(String id, Details details) {
        long now = clock.millis();
        boolean found = db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE pipes SET title = ?, description = ?, is_public = ?, "
                    + "updated_at = ?, shared_at = CASE WHEN ? = 1 THEN COALESCE(shared_at, ?) ELSE NULL END WHERE id = ?")) {
                st.setString(1, details.title());
                st.setString(2, details.description());
                st.setInt(3, details.isPublic() ? 1 : 0);
                st.setLong(4, now);
                st.setInt(5, details.isPublic() ? 1 : 0);
                st.setLong(6, now);
                st.setString(7, id);
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            writeTags(c, id, details.tags());
            return true;
        });
        return found ? find(id) : Optional.empty();
    }

    @Override
    public int countByOwner(long ownerId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM pipes WHERE owner_id = ?")) {
                st.setLong(1, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public Optional<StoredPipe> find(String id) {
        return db.read(c -> find(c, id));
    }

    private static Optional<StoredPipe> find(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM pipes WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(map(c, rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<StoredPipe> listByOwner(long ownerId) {
        return db.read(c -> {
            List<StoredPipe> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT * FROM pipes WHERE owner_id = ? ORDER BY updated_at DESC")) {
                st.setLong(1, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(c, rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean delete(String id) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM pipes WHERE id = ?")) {
                st.setString(1, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    private static void writeTags(Connection c, String id, List<String> tags) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM pipe_tags WHERE pipe_id = ?")) {
            del.setString(1, id);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO pipe_tags (pipe_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String tag : tags) {
                ins.setString(1, id);
                ins.setString(2, tag);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static void writeVersion(Connection c, String id, int version, Draft draft, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO pipe_versions (pipe_id, version, title, pipe_json, created_at) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, id);
            st.setInt(2, version);
            st.setString(3, draft.title());
            st.setString(4, draft.json());
            st.setLong(5, now);
            st.executeUpdate();
        }
    }

    private static StoredPipe map(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<String> tags = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT tag FROM pipe_tags WHERE pipe_id = ? ORDER BY tag")) {
            st.setString(1, id);
            try (ResultSet t = st.executeQuery()) {
                while (t.next()) {
                    tags.add(t.getString(1));
                }
            }
        }
        return new StoredPipe(id, rs.getLong("owner_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("pipe_json"), rs.getInt("version"), rs.getInt("is_public") == 1,
                rs.getString("feed_key"), tags, Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
