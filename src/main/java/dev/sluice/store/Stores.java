package dev.sluice.store;

import dev.sluice.store.jdbc.JdbcAccountDeletion;
import dev.sluice.store.jdbc.JdbcAlertNotices;
import dev.sluice.store.jdbc.JdbcApiTokenStore;
import dev.sluice.store.jdbc.JdbcEmailChangeStore;
import dev.sluice.store.jdbc.JdbcExpiredRows;
import dev.sluice.store.jdbc.JdbcFirstSeenRepository;
import dev.sluice.store.jdbc.JdbcHookStore;
import dev.sluice.store.jdbc.JdbcInboxMailRepository;
import dev.sluice.store.jdbc.JdbcInboxRepository;
import dev.sluice.store.jdbc.JdbcIncidents;
import dev.sluice.store.jdbc.JdbcLastOutputRepository;
import dev.sluice.store.jdbc.JdbcLoginLinkStore;
import dev.sluice.store.jdbc.JdbcPipeAlerts;
import dev.sluice.store.jdbc.JdbcPipeGallery;
import dev.sluice.store.jdbc.JdbcPipeLikes;
import dev.sluice.store.jdbc.JdbcPipeRepository;
import dev.sluice.store.jdbc.JdbcPipeRuns;
import dev.sluice.store.jdbc.JdbcPipeUsage;
import dev.sluice.store.jdbc.JdbcPipeVersions;
import dev.sluice.store.jdbc.JdbcRunHistory;
import dev.sluice.store.jdbc.JdbcRunJournal;
import dev.sluice.store.jdbc.JdbcSecretStore;
import dev.sluice.store.jdbc.JdbcSessionStore;
import dev.sluice.store.jdbc.JdbcUserRepository;
import dev.sluice.store.jdbc.JdbcWebSubSubscriptions;
import dev.sluice.store.jdbc.JdbcWebSubTopics;
import dev.sluice.store.postgres.PostgresHookEvents;
import dev.sluice.store.sqlite.SqliteHookEvents;
import java.time.InstantSource;

/**
 * The stores of one database, each behind its interface: SQL both dialects accept is shared
 * ({@code store.jdbc}); what differs per dialect lives in {@code store.sqlite} and {@code store.postgres}.
 * Some stores hold what they have not written yet in memory (run statuses, run history, feed
 * request counts, first-seen dates): a process builds its stores once and shares them.
 */
public record Stores(
        SecretStore secrets,
        SessionStore sessions,
        LoginLinkStore loginLinks,
        EmailChangeStore emailChanges,
        ApiTokenStore apiTokens,
        HookStore hooks,
        HookEvents hookEvents,
        ExpiredRows expiredRows,
        // accounts
        UserRepository users,
        AccountDeletion accountDeletion,
        // saved pipes, their history, the gallery
        PipeRepository pipes,
        PipeVersions pipeVersions,
        PipeGallery gallery,
        PipeLikes likes,
        PipeUsage usage,
        // outputs and runs
        LastOutputRepository lastOutputs,
        FirstSeenRepository firstSeen,
        PipeRuns pipeRuns,
        RunJournal runJournal,
        RunHistory runHistory,
        // health and alerts
        PipeAlerts pipeAlerts,
        Incidents incidents,
        AlertNotices alertNotices,
        // newsletter inboxes
        InboxRepository inboxes,
        InboxMailRepository inboxMails,
        // WebSub
        WebSubSubscriptions webSubSubscriptions,
        WebSubTopics webSubTopics) {

    /** The stores on {@code db}, in its dialect, on the system clock. */
    public static Stores on(Database db) {
        return on(db, InstantSource.system());
    }

    /** The stores on {@code db}, in its dialect; what they time-stamp themselves comes from {@code clock}. */
    public static Stores on(Database db, InstantSource clock) {
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
                new JdbcExpiredRows(db),
                new JdbcUserRepository(db, clock),
                new JdbcAccountDeletion(db),
                new JdbcPipeRepository(db, clock),
                new JdbcPipeVersions(db),
                new JdbcPipeGallery(db),
                new JdbcPipeLikes(db, clock),
                new JdbcPipeUsage(db),
                new JdbcLastOutputRepository(db),
                new JdbcFirstSeenRepository(db),
                new JdbcPipeRuns(db),
                new JdbcRunJournal(db),
                new JdbcRunHistory(db),
                new JdbcPipeAlerts(db, clock),
                new JdbcIncidents(db),
                new JdbcAlertNotices(db),
                new JdbcInboxRepository(db),
                new JdbcInboxMailRepository(db),
                new JdbcWebSubSubscriptions(db),
                new JdbcWebSubTopics(db));
    }
}
