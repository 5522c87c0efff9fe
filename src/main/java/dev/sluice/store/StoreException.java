package dev.sluice.store;

import java.sql.SQLException;

/** A database failure (disk full, lock held too long): an operator problem, not a user's. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when SQLite gave up waiting for a lock: the request may be retried later (503). */
    public boolean busy() {
        return getCause() instanceof org.sqlite.SQLiteException e
                && (e.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_BUSY
                || e.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_LOCKED);
    }
}
