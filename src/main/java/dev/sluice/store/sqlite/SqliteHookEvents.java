package dev.sluice.store.sqlite;

import dev.sluice.store.Database;
import dev.sluice.store.HookEvents.NewEvent;
import dev.sluice.store.jdbc.JdbcHookEvents;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import org.sqlite.SQLiteConnection;

/**
 * Webhook events in SQLite. The database runs with {@code synchronous = NORMAL} (a crash of the
 * machine may lose the last commits); an accepted event must not be lost, so its insert alone is
 * committed with a full sync, and waits only briefly for the write lock so the caller can retry.
 */
public final class SqliteHookEvents extends JdbcHookEvents {
    /** How long one attempt to store waits for the write lock before the caller retries. */
    static final int STORE_BUSY_TIMEOUT_MS = 1000;

    public SqliteHookEvents(Database db) {
        super(db);
    }

    @Override
    protected OptionalLong durably(Connection c, NewEvent event, Insert insert) throws SQLException {
        // Repeats need nothing more: SQLite runs one writer at a time, so the insert's duplicate
        // check always sees the events stored before it.
        SQLiteConnection sqlite = c.unwrap(SQLiteConnection.class);
        int busyTimeout = sqlite.getBusyTimeout();
        int synchronous = pragma(c, "synchronous");
        sqlite.setBusyTimeout(STORE_BUSY_TIMEOUT_MS);
        execute(c, "PRAGMA synchronous = FULL");
        try {
            return insert.run();
        } finally {
            execute(c, "PRAGMA synchronous = " + synchronous);
            sqlite.setBusyTimeout(busyTimeout);
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
