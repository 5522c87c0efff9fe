package dev.sluice.store;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;

/**
 * The table {@code shedlock}, where a node takes a background job's lock before running it, so
 * that nodes sharing the database run each job once per turn. ShedLock's JDBC provider reads
 * and writes it (portable SQL: an INSERT for a job's first lock, then a conditional UPDATE).
 */
public final class JobLockTable {
    private JobLockTable() {
    }

    /** The lock provider over {@code db}'s table. */
    public static LockProvider on(Database db) {
        return new JdbcLockProvider(db.dataSource(), "shedlock");
    }
}
