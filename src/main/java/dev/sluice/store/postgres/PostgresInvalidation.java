package dev.sluice.store.postgres;

import dev.sluice.output.Invalidation;
import dev.sluice.output.InvalidationMessage;
import dev.sluice.store.Database;
import dev.sluice.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Invalidation} across nodes that share a PostgreSQL database but no Redis: this node
 * forgets at once, then sends {@code NOTIFY sluice_invalidation, '<kind> <node> <pipe id>'}, and
 * every node LISTENing on its own connection forgets when the notification arrives. PostgreSQL
 * delivers notifications of committed transactions only, in commit order. A node whose listening
 * connection broke may have missed some, so when it is back it forgets every pipe.
 */
public final class PostgresInvalidation implements Invalidation, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresInvalidation.class);
    static final String CHANNEL = "sluice_invalidation";
    private static final int POLL_MS = 500;

    private final Database db;
    private final DatabaseUrl url;
    private final String node = UUID.randomUUID().toString();
    private final Thread listener;
    private volatile boolean closed;
    private volatile Caches caches;
    private volatile Connection listening;

    /** Starts listening at once, so no change announced after start-up is missed. */
    public PostgresInvalidation(Database db, DatabaseUrl url) {
        this.db = db;
        this.url = url;
        this.listening = connect();
        this.listener = Thread.ofPlatform().name("pg-invalidation").daemon().start(this::listen);
    }

    @Override
    public void pipeChanged(String pipeId) {
        tell(c -> c.forgetPipe(pipeId));
        notifyOthers(InvalidationMessage.pipeChanged(node, pipeId), pipeId);
    }

    @Override
    public void contentChanged(String pipeId) {
        tell(c -> c.forgetOutputs(pipeId));
        notifyOthers(InvalidationMessage.contentChanged(node, pipeId), pipeId);
    }

    @Override
    public void listen(Caches caches) {
        this.caches = caches;
    }

    private void notifyOthers(String message, String pipeId) {
        try {
            db.transaction(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    st.setString(1, CHANNEL);
                    st.setString(2, message);
                    st.execute();
                }
                return null;
            });
        } catch (RuntimeException e) {
            // The change itself is saved; other nodes see it when their caches expire.
            LOG.warn("Could not tell the other nodes that pipe {} changed: {}", pipeId, e.toString());
        }
    }

    /** The listening loop: waits for notifications; after a broken connection, connects again and forgets all. */
    private void listen() {
        while (!closed) {
            try {
                if (listening == null) {
                    listening = connect();
                    LOG.warn("Listening for changed pipes again after losing PostgreSQL: forgetting all cached pipes");
                    tell(Caches::forgetAll);
                }
                PGNotification[] received = listening.unwrap(PGConnection.class).getNotifications(POLL_MS);
                if (received != null) {
                    for (PGNotification n : received) {
                        received(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Lost the PostgreSQL connection that hears of changed pipes ({}); trying again", e.toString());
                closeQuietly(listening);
                listening = null;
                pause();
            }
        }
    }

    private Connection connect() {
        try {
            Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot listen for changed pipes on " + url + ": " + e.getMessage(), e);
        }
    }

    private void received(String message) {
        tell(InvalidationMessage.read(message, node));
    }

    /** Before the caches listen (start-up) nothing is cached yet, so there is nothing to tell. */
    private void tell(Consumer<Caches> what) {
        Caches c = caches;
        if (c != null) {
            what.accept(c);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(listening);
    }
}
