package dev.sluice.store.jdbc;

import dev.sluice.model.PipeVersion;
import dev.sluice.store.Database;
import dev.sluice.store.PipeVersions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link PipeVersions} in SQL both dialects accept. */
public final class JdbcPipeVersions implements PipeVersions {
    private final Database db;

    public JdbcPipeVersions(Database db) {
        this.db = db;
    }

    @Override
    public List<PipeVersion> list(String pipeId) {
        return db.read(c -> {
            List<PipeVersion> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT version, title, created_at FROM pipe_versions "
                    + "WHERE pipe_id = ? ORDER BY version DESC")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PipeVersion(rs.getInt(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Snapshot> find(String pipeId, int version) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT title, created_at, pipe_json FROM pipe_versions "
                    + "WHERE pipe_id = ? AND version = ?")) {
                st.setString(1, pipeId);
                st.setInt(2, version);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Snapshot(
                            new PipeVersion(version, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))), rs.getString(3)));
                }
            }
        });
    }
}
