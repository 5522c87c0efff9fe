package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.InboxRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@link InboxRepository} in SQL both dialects accept. */
public final class JdbcInboxRepository implements InboxRepository {
    private final Database db;

    public JdbcInboxRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> pipeOf(String address) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT pipe_id FROM inboxes WHERE address = ?")) {
                st.setString(1, address);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Set<String> replace(String pipeId, Set<String> addresses) {
        return db.transaction(c -> write(c, pipeId, addresses));
    }

    @Override
    public void reindex(String pipeId, Function<String, Optional<Set<String>>> addressesOf) {
        db.transaction(c -> {
            String json = null;
            try (PreparedStatement st = c.prepareStatement("SELECT pipe_json FROM pipes WHERE id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        json = rs.getString(1);
                    }
                }
            }
            Optional<Set<String>> addresses = json == null ? Optional.of(Set.of()) : addressesOf.apply(json);
            return addresses.isPresent() ? write(c, pipeId, addresses.get()) : Set.of();
        });
    }

    @Override
    public List<String> pipesToReindex(String blockType) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM pipes WHERE pipe_json LIKE ? "
                    + "UNION SELECT pipe_id FROM inboxes")) {
                st.setString(1, "%" + blockType + "%");
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void removeAll(String pipeId) {
        db.transaction(c -> {
            for (String sql : List.of(
                    "DELETE FROM inbox_attachments WHERE mail_id IN (SELECT m.id FROM inbox_mails m "
                            + "JOIN inboxes i ON i.address = m.address WHERE i.pipe_id = ?)",
                    "DELETE FROM inbox_mails WHERE address IN (SELECT address FROM inboxes WHERE pipe_id = ?)",
                    "DELETE FROM inboxes WHERE pipe_id = ?")) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.setString(1, pipeId);
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    private static Set<String> write(Connection c, String pipeId, Set<String> addresses) throws SQLException {
        Set<String> had = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT address FROM inboxes WHERE pipe_id = ?")) {
            st.setString(1, pipeId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    had.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM inboxes WHERE pipe_id = ? AND address = ?")) {
            for (String gone : had) {
                if (!addresses.contains(gone)) {
                    del.setString(1, pipeId);
                    del.setString(2, gone);
                    del.executeUpdate();
                }
            }
        }
        Set<String> heldByOthers = new HashSet<>();
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO inboxes (address, pipe_id) VALUES (?, ?) ON CONFLICT (address) DO NOTHING")) {
            for (String address : addresses) {
                if (had.contains(address)) {
                    continue;
                }
                ins.setString(1, address);
                ins.setString(2, pipeId);
                if (ins.executeUpdate() == 0) {
                    heldByOthers.add(address);
                }
            }
        }
        return heldByOthers;
    }
}
