package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.HookStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link HookStore} in SQL both dialects accept. */
public final class JdbcHookStore implements HookStore {
    private final Database db;

    public JdbcHookStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Row> find(String hookId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT pipe_id, secret FROM hooks WHERE hook_id = ?")) {
                st.setString(1, hookId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(hookId, rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<String> replace(String pipeId, List<Row> hooks) {
        return db.transaction(c -> write(c, pipeId, hooks));
    }

    @Override
    public List<String> pipesMentioning(String blockType) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM pipes WHERE pipe_json LIKE ? "
                    + "UNION SELECT pipe_id FROM hooks")) {
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
    public List<String> reindex(String pipeId, Function<String, List<Row>> hooksOf) {
        return db.transaction(c -> {
            String json = null;
            try (PreparedStatement st = c.prepareStatement("SELECT pipe_json FROM pipes WHERE id = ?")) {
                st.setString(1, pipeId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        json = rs.getString(1);
                    }
                }
            }
            return write(c, pipeId, hooksOf.apply(json));
        });
    }

    private static List<String> write(Connection c, String pipeId, List<Row> hooks) throws SQLException {
        Jdbc.update(c, "DELETE FROM hooks WHERE pipe_id = ?", pipeId);
        List<String> leftOut = new ArrayList<>();
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO hooks (hook_id, pipe_id, secret) VALUES (?, ?, ?) ON CONFLICT (hook_id) DO NOTHING")) {
            for (Row hook : hooks) {
                ins.setString(1, hook.hookId());
                ins.setString(2, pipeId);
                ins.setString(3, hook.secret());
                if (ins.executeUpdate() == 0) {
                    leftOut.add(hook.hookId());
                }
            }
        }
        return leftOut;
    }
}
