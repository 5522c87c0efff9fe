package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The one-statement updates the stores make, with their parameters bound in order. */
final class Jdbc {
    private Jdbc() {
    }

    /** Runs one auto-committed update; answers the rows it changed. */
    static int update(Database db, String sql, Object... args) {
        return db.read(c -> update(c, sql, args));
    }

    /** Runs one update on {@code c} (inside the caller's transaction); answers the rows it changed. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        }
    }
}
