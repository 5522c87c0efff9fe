package dev.sluice.testing;

import dev.sluice.store.Database;
import dev.sluice.store.DatabaseUrl;
import dev.sluice.store.Dialect;
import java.nio.file.Path;

/** Opens a fresh, migrated database of either dialect for the store contract tests. */
public final class StoreBackend {
    private StoreBackend() {
    }

    /** An SQLite file in {@code dir}, or a new PostgreSQL database (skipped where PostgreSQL is missing). */
    public static Database open(Dialect dialect, Path dir) {
        return switch (dialect) {
            case SQLITE -> Database.open(dir);
            case POSTGRESQL -> Database.open(RealServices.freshPostgres());
        };
    }

    /** Where a server process should keep its data: the same choice as {@link #open}, as a URL. */
    public static DatabaseUrl url(Dialect dialect, Path dir) {
        return switch (dialect) {
            case SQLITE -> DatabaseUrl.sqlite(dir);
            case POSTGRESQL -> RealServices.freshPostgres();
        };
    }
}
