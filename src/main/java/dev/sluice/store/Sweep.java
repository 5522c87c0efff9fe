package dev.sluice.store;

import java.time.Duration;
import java.util.Objects;

/**
 * One kind of row that expires: rows of {@code table} whose {@code timeColumn} (epoch
 * milliseconds) lies more than {@code keep} in the past are deleted. {@code keep} may be zero
 * for rows that carry their own expiry time (sessions, login links).
 *
 * @param key        identifies a row for the batched delete: {@code rowid} (the database's own
 *                   row address: SQLite's rowid, PostgreSQL's ctid), or the primary key's
 *                   columns in parentheses
 */
public record Sweep(String name, String table, String key, String timeColumn, Duration keep) {
    public Sweep {
        Objects.requireNonNull(name);
        // Identifiers come from code, never from users: reject anything but plain names anyway.
        for (String identifier : new String[] {table, timeColumn}) {
            if (!identifier.matches("[a-z_]+")) {
                throw new IllegalArgumentException("Not a plain SQL name: " + identifier);
            }
        }
        if (!key.matches("rowid|\\([a-z_, ]+\\)")) {
            throw new IllegalArgumentException("Not a row key: " + key);
        }
        if (keep.isNegative()) {
            throw new IllegalArgumentException("keep must not be negative");
        }
    }

    /** A sweep of a rowid table. */
    public static Sweep of(String name, String table, String timeColumn, Duration keep) {
        return new Sweep(name, table, "rowid", timeColumn, keep);
    }

    /** The DELETE of one batch in {@code dialect}: parameters are the cut-off (epoch ms) and the batch size. */
    public String deleteBatchSql(Dialect dialect) {
        String rowKey = key.equals("rowid") ? dialect.rowAddress() : key;
        String columns = key.equals("rowid") ? rowKey : key.substring(1, key.length() - 1);
        return "DELETE FROM " + table + " WHERE " + rowKey + " IN (SELECT " + columns + " FROM " + table
                + " WHERE " + timeColumn + " < ? LIMIT ?)";
    }
}
