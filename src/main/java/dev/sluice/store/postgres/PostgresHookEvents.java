package dev.sluice.store.postgres;

import dev.sluice.store.Database;
import dev.sluice.store.HookEvents.NewEvent;
import dev.sluice.store.jdbc.JdbcHookEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * Webhook events in PostgreSQL: a commit is flushed to the write-ahead log before it returns
 * unless the server was told otherwise, so the insert asks for that explicitly (a server run with
 * {@code synchronous_commit = off} must still not lose an accepted event), and waits only briefly
 * for locks so the caller can retry. Concurrent repeats of a body are serialised by an advisory lock.
 */
public final class PostgresHookEvents extends JdbcHookEvents {
    public PostgresHookEvents(Database db) {
        super(db);
    }

    @Override
    protected OptionalLong durably(Connection c, NewEvent event, Insert insert) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL synchronous_commit = on");
                st.execute("SET LOCAL lock_timeout = '1s'");
            }
            if (event.deliveryId() == null) {
                // Without a delivery id the duplicate check is "no same body lately", which two
                // concurrent transactions would both pass (neither sees the other's row): a lock
                // on (hook, body) held to the commit makes the second wait and then see the first.
                // A repeated delivery id needs none: the unique index decides.
                try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                    st.setString(1, event.hookId() + "\n" + event.bodyHash());
                    st.executeQuery().close();
                }
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
