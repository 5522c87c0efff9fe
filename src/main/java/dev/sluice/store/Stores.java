package dev.sluice.store;

import dev.sluice.store.jdbc.JdbcApiTokenStore;
import dev.sluice.store.jdbc.JdbcEmailChangeStore;
import dev.sluice.store.jdbc.JdbcExpiredRows;
import dev.sluice.store.jdbc.JdbcHookStore;
import dev.sluice.store.jdbc.JdbcLoginLinkStore;
import dev.sluice.store.jdbc.JdbcSecretStore;
import dev.sluice.store.jdbc.JdbcSessionStore;
import dev.sluice.store.postgres.PostgresHookEvents;
import dev.sluice.store.sqlite.SqliteHookEvents;

/**
 * The stores of one database, each behind its interface: SQL both dialects accept is shared
 * ({@code store.jdbc}); what differs per dialect lives in {@code store.sqlite} and {@code store.postgres}.
 */
public record Stores(
        SecretStore secrets,
        SessionStore sessions,
        LoginLinkStore loginLinks,
        EmailChangeStore emailChanges,
        ApiTokenStore apiTokens,
        HookStore hooks,
        HookEvents hookEvents,
        ExpiredRows expiredRows) {

    /** The stores on {@code db}, in its dialect. */
    public static Stores on(Database db) {
        return new Stores(
                new JdbcSecretStore(db),
                new JdbcSessionStore(db),
                new JdbcLoginLinkStore(db),
                new JdbcEmailChangeStore(db),
                new JdbcApiTokenStore(db),
                new JdbcHookStore(db),
                switch (db.dialect()) {
                    case SQLITE -> new SqliteHookEvents(db);
                    case POSTGRESQL -> new PostgresHookEvents(db);
                },
                new JdbcExpiredRows(db));
    }
}
