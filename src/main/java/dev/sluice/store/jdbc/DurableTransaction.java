package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A transaction that is on disk when it returns, for writes a sender is told "accepted" about.
 * SQLite syncs the write-ahead log at this commit (the pool's connections otherwise sync at
 * checkpoints only, which survives a crash of the process but not of the machine) and waits for
 * the write lock at most the given time, so the caller can answer "busy, retry" instead of
 * hanging. PostgreSQL commits durably already.
 */
final class DurableTransaction {
    private DurableTransaction() {
    }

    static <T> T run(Database db, int busyTimeoutMs, Database.Work<T> work) {
        if (db.dialect() != Dialect.SQLITE) {
            return db.transaction(work);
        }
        return db.read(c -> {
            org.sqlite.SQLiteConnection sqlite = c.unwrap(org.sqlite.SQLiteConnection.class);
            int busyTimeout = sqlite.getBusyTimeout();
            int synchronous = pragma(c, "synchronous");
            sqlite.setBusyTimeout(busyTimeoutMs);
            execute(c, "PRAGMA synchronous = FULL");
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                execute(c, "PRAGMA synchronous = " + synchronous);
                sqlite.setBusyTimeout(busyTimeout);
            }
        });
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
