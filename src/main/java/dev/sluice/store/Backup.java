package dev.sluice.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * A consistent copy of the live database through SQLite's online backup API: it
 * reads a snapshot while the server goes on reading and writing, so no downtime is needed.
 * The copy is a single SQLite file; restoring is copying it back as
 * {@link Database#FILE_NAME} into a stopped server's data directory. SQLite only: PostgreSQL
 * databases are backed up with {@code pg_dump}.
 */
public final class Backup {
    /** What was copied: the copy's size and how many pipes and users it holds. */
    public record Result(Path file, long bytes, long pipes, long users) {
    }

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private Backup() {
    }

    /**
     * Copies the database of {@code dataDir} to {@code target}, which must not exist yet, then
     * checks the copy's integrity. A failed or corrupt copy is deleted, never left looking valid.
     */
    public static Result copy(Path dataDir, Path target) throws IOException {
        return copy(DatabaseUrl.sqlite(dataDir), target);
    }

    /**
     * Copies {@code database} to {@code target} as {@link #copy(Path, Path)} does. Only an SQLite
     * file can be copied so: a PostgreSQL database is refused with a message naming the tool
     * that backs it up consistently, and nothing is written.
     */
    public static Result copy(DatabaseUrl database, Path target) throws IOException {
        if (database.dialect() != Dialect.SQLITE) {
            throw new IOException("this server keeps its data in PostgreSQL (" + database + "), and only an SQLite"
                    + " file can be copied here: back PostgreSQL up with pg_dump, e.g."
                    + " pg_dump --format=custom --file=sluice.dump \"$SLUICE_DATABASE_URL\" (restore with pg_restore)");
        }
        Path source = database.sqliteFile().orElseThrow();
        if (!Files.isRegularFile(source)) {
            throw new IOException("No database at " + source + " (is SLUICE_DATA_DIR right?)");
        }
        if (Files.exists(target)) {
            throw new IOException(target + " already exists; choose a new file name");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MS);
        try (Connection live = config.createConnection(SQLITE_PREFIX + source.toAbsolutePath())) {
            ((SQLiteConnection) live).getDatabase().backup("main", target.toAbsolutePath().toString(), null);
        } catch (SQLException e) {
            Files.deleteIfExists(target);
            throw new IOException("The backup failed: " + e.getMessage(), e);
        }
        return verify(target);
    }

    private static Result verify(Path target) throws IOException {
        try (Connection copy = new SQLiteConfig().createConnection(SQLITE_PREFIX + target.toAbsolutePath());
             Statement st = copy.createStatement()) {
            String integrity = single(st, "PRAGMA integrity_check");
            if (!"ok".equals(integrity)) {
                throw new SQLException("integrity check of the copy says: " + integrity);
            }
            long pipes = Long.parseLong(single(st, "SELECT count(*) FROM pipes"));
            long users = Long.parseLong(single(st, "SELECT count(*) FROM users"));
            return new Result(target, Files.size(target), pipes, users);
        } catch (SQLException e) {
            Files.deleteIfExists(target);
            throw new IOException("The backup is not usable: " + e.getMessage(), e);
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
