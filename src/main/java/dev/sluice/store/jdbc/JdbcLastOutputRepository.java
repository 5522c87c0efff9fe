package dev.sluice.store.jdbc;

import dev.sluice.model.LastOutput;
import dev.sluice.store.Database;
import dev.sluice.store.LastOutputRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link LastOutputRepository} in SQL both dialects accept. */
public final class JdbcLastOutputRepository implements LastOutputRepository {
    private final Database db;

    public JdbcLastOutputRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<LastOutput> find(String pipeId, String paramsKey) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT * FROM last_outputs WHERE pipe_id = ? AND params_key = ?")) {
                st.setString(1, pipeId);
                st.setString(2, paramsKey);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LastOutput(pipeId, paramsKey, rs.getInt("version"), rs.getBytes("feed_json"),
                            rs.getString("content_tag"), Instant.ofEpochMilli(rs.getLong("computed_at")),
                            Instant.ofEpochMilli(rs.getLong("changed_at"))));
                }
            }
        });
    }

    @Override
    public void save(LastOutput out) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO last_outputs (pipe_id, params_key, version, "
                    + "feed_json, content_tag, computed_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (pipe_id, params_key) DO UPDATE SET version = excluded.version, "
                    + "feed_json = excluded.feed_json, content_tag = excluded.content_tag, "
                    + "computed_at = excluded.computed_at, changed_at = excluded.changed_at "
                    + "WHERE excluded.computed_at >= last_outputs.computed_at")) {
                st.setString(1, out.pipeId());
                st.setString(2, out.paramsKey());
                st.setInt(3, out.version());
                st.setBytes(4, out.feedJson());
                st.setString(5, out.contentTag());
                st.setLong(6, out.computedAt().toEpochMilli());
                st.setLong(7, out.changedAt().toEpochMilli());
                st.executeUpdate();
            }
            return null;
        });
    }
}
