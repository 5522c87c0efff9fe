package dev.sluice.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: by default the SQLite file in the data directory (WAL journal, foreign keys on, a
 * busy timeout so concurrent writers wait instead of failing), or a PostgreSQL server shared by
 * several nodes. Either way pooled by HikariCP and migrated by Flyway on open, from the dialect's
 * own migrations.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "sluice.db";
    /** How long a writer waits for the lock before SQLite reports "busy". */
    static final int BUSY_TIMEOUT_MS = 5000;

    private final HikariDataSource pool;
    private final Dialect dialect;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens (creating if needed) the SQLite database in {@code dataDir} and migrates it. */
    public static Database open(Path dataDir) {
        return open(DatabaseUrl.sqlite(dataDir));
    }

    /** Opens the database {@code url} names and migrates it; an SQLite file's directory is made when missing. */
    public static Database open(DatabaseUrl url) {
        url.sqliteFile().ifPresent(file -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + file.getParent(), e);
            }
        });
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("sluice-db");
        hikari.setMinimumIdle(1);
        if (url.dialect() == Dialect.SQLITE) {
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.enforceForeignKeys(true);
            sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
            // A transaction takes the write lock when it begins, not at its first write: in WAL
            // mode a transaction that read first and then writes after another writer committed
            // fails at once (SQLITE_BUSY, the busy timeout does not apply), so racing
            // read-then-write transactions (an e-mail change clicked twice) would answer 503
            // instead of waiting their turn. Reads outside transactions are not affected.
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource source = new SQLiteDataSource(sqlite);
            source.setUrl(url.jdbcUrl());
            hikari.setDataSource(source);
            hikari.setMaximumPoolSize(8);
        } else {
            hikari.setJdbcUrl(url.jdbcUrl());
            hikari.setUsername(url.user());
            hikari.setPassword(url.password());
            hikari.setMaximumPoolSize(16);
            hikari.setConnectionTimeout(BUSY_TIMEOUT_MS);
        }
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(pool).locations(url.dialect().migrations()).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, url.dialect());
    }

    /** Which database this is, for the few statements and error codes that differ. */
    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
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
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public boolean writable() {
        return transaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE IF NOT EXISTS readiness_probe (x INTEGER)");
                st.execute("INSERT INTO readiness_probe VALUES (1)");
                st.execute("DELETE FROM readiness_probe");
            }
            return true;
        });
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Database work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}
