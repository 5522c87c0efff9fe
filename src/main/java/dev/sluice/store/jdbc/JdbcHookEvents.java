package dev.sluice.store.jdbc;

import dev.sluice.block.HookEvent;
import dev.sluice.store.Database;
import dev.sluice.store.HookEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@link HookEvents} in SQL both dialects accept. What makes a store durable differs: each
 * dialect's subclass says how one insert is committed with a full sync.
 */
public abstract class JdbcHookEvents implements HookEvents {
    private static final String INSERT_WITH_DELIVERY = "INSERT INTO hook_events "
            + "(hook_id, received_at, content_type, body, body_hash, delivery_id) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING RETURNING id";
    private static final String INSERT_UNLESS_RECENT = "INSERT INTO hook_events "
            + "(hook_id, received_at, content_type, body, body_hash, delivery_id) SELECT ?, ?, ?, ?, ?, NULL "
            + "WHERE NOT EXISTS (SELECT 1 FROM hook_events WHERE hook_id = ? AND body_hash = ? AND received_at > ?) "
            + "RETURNING id";

    private final Database db;

    protected JdbcHookEvents(Database db) {
        this.db = db;
    }

    @Override
    public OptionalLong store(NewEvent event, Duration dedupeWindow) {
        return db.read(c -> durably(c, event, () -> insert(c, event, dedupeWindow)));
    }

    /**
     * Runs {@code insert} of {@code event} on {@code c} so that it is on disk when it returns,
     * and so that repeats of the event racing it find it stored.
     */
    protected abstract OptionalLong durably(Connection c, NewEvent event, Insert insert) throws SQLException;

    /** One insert, as {@link #durably} runs it. */
    @FunctionalInterface
    protected interface Insert {
        OptionalLong run() throws SQLException;
    }

    private static OptionalLong insert(Connection c, NewEvent e, Duration dedupeWindow) throws SQLException {
        boolean byDelivery = e.deliveryId() != null;
        try (PreparedStatement st = c.prepareStatement(byDelivery ? INSERT_WITH_DELIVERY : INSERT_UNLESS_RECENT)) {
            st.setString(1, e.hookId());
            st.setLong(2, e.receivedAt().toEpochMilli());
            st.setString(3, e.contentType());
            st.setBytes(4, e.body());
            st.setString(5, e.bodyHash());
            if (byDelivery) {
                st.setString(6, e.deliveryId());
            } else {
                st.setString(6, e.hookId());
                st.setString(7, e.bodyHash());
                st.setLong(8, e.receivedAt().minus(dedupeWindow).toEpochMilli());
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    @Override
    public List<HookEvent> recent(String hookId, int limit) {
        return db.read(c -> {
            List<HookEvent> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, received_at, content_type, body FROM hook_events "
                    + "WHERE hook_id = ? ORDER BY received_at DESC, id DESC LIMIT ?")) {
                st.setString(1, hookId);
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    long bytes = 0;
                    while (rs.next()) {
                        byte[] body = rs.getBytes(4);
                        bytes += body == null ? 0 : body.length;
                        if (bytes > READ_BUDGET_BYTES && !out.isEmpty()) {
                            break;
                        }
                        out.add(new HookEvent(rs.getLong(1), hookId, Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getString(3), body == null ? new byte[0] : body));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Boolean> hooksWithEvents() {
        return db.read(c -> {
            Map<String, Boolean> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT hook_id, "
                    + "CASE WHEN hook_id IN (SELECT hook_id FROM hooks) THEN 1 ELSE 0 END FROM hook_events")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2) == 1);
                }
            }
            return out;
        });
    }

    @Override
    public int deleteOlderThan(String hookId, Instant cutoff, int batch) {
        return delete("hook_id = ? AND received_at < ?", batch, hookId, cutoff.toEpochMilli());
    }

    @Override
    public int deleteBeyondNewest(String hookId, int keep, int batch) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT received_at, id FROM hook_events WHERE hook_id = ? "
                    + "ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET ?")) {
                st.setString(1, hookId);
                st.setInt(2, keep);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    long at = rs.getLong(1);
                    return delete(c, "hook_id = ? AND (received_at < ? OR (received_at = ? AND id <= ?))", batch,
                            hookId, at, at, rs.getLong(2));
                }
            }
        });
    }

    @Override
    public int deleteAllOf(String hookId, int batch) {
        return delete("hook_id = ?", batch, hookId);
    }

    private int delete(String where, int batch, Object... args) {
        return db.read(c -> delete(c, where, batch, args));
    }

    /** One batch, in its own (auto-committed) transaction. */
    private static int delete(Connection c, String where, int batch, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM hook_events WHERE id IN "
                + "(SELECT id FROM hook_events WHERE " + where + " LIMIT ?)")) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.setInt(args.length + 1, batch);
            return st.executeUpdate();
        }
    }
}
