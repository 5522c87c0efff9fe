package dev.sluice.store;

import java.sql.SQLException;

/** A database failure (disk full, lock held too long): an operator problem, not a user's. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the database gave up waiting for a lock: the request may be retried later (503). */
    public boolean busy() {
        return getCause() instanceof SQLException e && Dialect.busy(e);
    }
}
