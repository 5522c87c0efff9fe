package dev.sluice.store.postgres;

import dev.sluice.store.Database;
import dev.sluice.store.jdbc.JdbcHookEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * Webhook events in PostgreSQL: a commit is flushed to the write-ahead log before it returns
 * unless the server was told otherwise, so the insert asks for that explicitly (a server run with
 * {@code synchronous_commit = off} must still not lose an accepted event), and waits only briefly
 * for locks so the caller can retry.
 */
public final class PostgresHookEvents extends JdbcHookEvents {
    public PostgresHookEvents(Database db) {
        super(db);
    }

    @Override
    protected OptionalLong durably(Connection c, Insert insert) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL synchronous_commit = on");
                st.execute("SET LOCAL lock_timeout = '1s'");
            }
            OptionalLong id = insert.run();
            c.commit();
            return id;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
