package dev.sluice.hook;

import dev.sluice.block.HookEvent;
import dev.sluice.store.Database;
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
import org.sqlite.SQLiteConnection;

/**
 * The {@code hook_events} table: accepted webhook requests. Storing one is a single statement, so
 * the duplicate check and the insert are one atomic step, and it is committed with a full sync of
 * the write-ahead log: once {@link #store} returns, the event survives a crash of the process and
 * of the machine. Deletions come in small batches, each its own short transaction, so a large
 * clean-up never holds the write lock for long.
 */
public final class HookEvents {
    /** The most event bytes one read returns: a run never holds more than this in bodies. */
    static final long READ_BUDGET_BYTES = 16L * 1024 * 1024;
    /** How long one attempt to store waits for the write lock before the caller retries. */
    static final int STORE_BUSY_TIMEOUT_MS = 1000;

    private static final String INSERT_WITH_DELIVERY = "INSERT INTO hook_events "
            + "(hook_id, received_at, content_type, body, body_hash, delivery_id) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String INSERT_UNLESS_RECENT = "INSERT INTO hook_events "
            + "(hook_id, received_at, content_type, body, body_hash, delivery_id) SELECT ?, ?, ?, ?, ?, NULL "
            + "WHERE NOT EXISTS (SELECT 1 FROM hook_events WHERE hook_id = ? AND body_hash = ? AND received_at > ?)";

    private final Database db;

    public HookEvents(Database db) {
        this.db = db;
    }

    /**
     * An event to store.
     *
     * @param deliveryId the sender's id for this delivery (Idempotency-Key, X-GitHub-Delivery), or null
     * @param bodyHash   hex SHA-256 of the body: the duplicate key when there is no delivery id
     */
    public record NewEvent(String hookId, Instant receivedAt, String contentType, byte[] body, String bodyHash,
                           String deliveryId) {
    }

    /**
     * Stores {@code event} unless it repeats one already stored: the same delivery id, or — when it
     * has none — the same body within {@code dedupeWindow}. Answers the new event's id, or empty
     * for a repeat. Throws {@link dev.sluice.store.StoreException} when the database stayed busy.
     */
    public OptionalLong store(NewEvent event, Duration dedupeWindow) {
        return db.read(c -> {
            SQLiteConnection sqlite = c.unwrap(SQLiteConnection.class);
            int busyTimeout = sqlite.getBusyTimeout();
            int synchronous = pragma(c, "synchronous");
            sqlite.setBusyTimeout(STORE_BUSY_TIMEOUT_MS);
            execute(c, "PRAGMA synchronous = FULL");
            try {
                return insert(c, event, dedupeWindow);
            } finally {
                execute(c, "PRAGMA synchronous = " + synchronous);
                sqlite.setBusyTimeout(busyTimeout);
            }
        });
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
            if (st.executeUpdate() == 0) {
                return OptionalLong.empty();
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return OptionalLong.of(rs.getLong(1));
        }
    }

    /**
     * The hook's newest events, newest first: at most {@code limit}, and no more once their bodies
     * pass {@link #READ_BUDGET_BYTES} (the newest one is always included).
     */
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

    /** Every hook id that has stored events, with whether a saved pipe still has that hook. */
    public Map<String, Boolean> hooksWithEvents() {
        return db.read(c -> {
            Map<String, Boolean> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT hook_id, "
                    + "hook_id IN (SELECT hook_id FROM hooks) FROM hook_events")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2) == 1);
                }
            }
            return out;
        });
    }

    /** Deletes up to {@code batch} of the hook's events received before {@code cutoff}; answers how many. */
    public int deleteOlderThan(String hookId, Instant cutoff, int batch) {
        return delete("hook_id = ? AND received_at < ?", batch, hookId, cutoff.toEpochMilli());
    }

    /** Deletes up to {@code batch} of the hook's events beyond its newest {@code keep}; answers how many. */
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

    /** Deletes up to {@code batch} events of a hook no saved pipe has any more; answers how many. */
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

    private static int pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
