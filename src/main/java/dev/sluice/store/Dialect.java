package dev.sluice.store;

import java.sql.SQLException;

/**
 * The two databases Sluice runs on. The stores' SQL is written once, in the subset both accept
 * ({@code ?} placeholders, {@code INSERT ... ON CONFLICT}, {@code RETURNING}); what still differs
 * (schema types, error codes, locks) is asked of the dialect.
 */
public enum Dialect {
    /** An SQLite file in the data directory: the embedded default, one node. */
    SQLITE("db/migration"),
    /** A PostgreSQL server shared by any number of nodes. */
    POSTGRESQL("db/postgres");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** Where this dialect's Flyway migrations live on the class path. */
    public String migrations() {
        return "classpath:" + migrations;
    }

    /** The column that addresses a row of any table, for batched deletes. */
    public String rowAddress() {
        return this == SQLITE ? "rowid" : "ctid";
    }

    /**
     * What ends a SELECT that must lock the rows it read until the transaction ends, so that a
     * check and the write it allows (a count against a limit) cannot interleave with another
     * transaction's: PostgreSQL's {@code FOR UPDATE}. SQLite needs none: its transactions take
     * the database's write lock when they begin.
     */
    public String lockingRead() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** True when {@code e} reports a unique or primary-key constraint violated by an insert. */
    public boolean uniqueViolation(SQLException e) {
        return switch (this) {
            case SQLITE -> e instanceof org.sqlite.SQLiteException s
                    && (s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
            case POSTGRESQL -> "23505".equals(e.getSQLState());
        };
    }

    /**
     * True when the database gave up waiting for a lock or aborted a transaction that may succeed
     * when retried later (the request is answered 503, not 500).
     */
    public static boolean busy(SQLException e) {
        if (e instanceof org.sqlite.SQLiteException s) {
            // By the primary code, so the extended ones (SQLITE_BUSY_SNAPSHOT, _TIMEOUT...) count too.
            int primary = s.getResultCode().code & 0xff;
            return primary == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code
                    || primary == org.sqlite.SQLiteErrorCode.SQLITE_LOCKED.code;
        }
        // PostgreSQL: serialization failure, deadlock, lock not available, too many connections.
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state) || "53300".equals(state);
    }
}
