package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.AlertSettings;
import dev.sluice.model.Incident;
import dev.sluice.model.LastOutput;
import dev.sluice.model.LastRun;
import dev.sluice.model.RunOutcome;
import dev.sluice.model.RunRecord;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.model.WebSubSubscription;
import dev.sluice.store.AccountDeletion;
import dev.sluice.store.FirstSeenRepository;
import dev.sluice.store.HookEvents;
import dev.sluice.store.HookStore;
import dev.sluice.store.InboxMailRepository;
import dev.sluice.store.InboxRepository;
import dev.sluice.store.Incidents;
import dev.sluice.store.LastOutputRepository;
import dev.sluice.store.PipeAlerts;
import dev.sluice.store.PipeLikes;
import dev.sluice.store.PipeRepository.Draft;
import dev.sluice.store.PipeRuns;
import dev.sluice.store.RunJournal;
import dev.sluice.store.WebSubSubscriptions;
import dev.sluice.store.WebSubTopics;
import dev.sluice.store.jdbc.JdbcAccountDeletion;
import dev.sluice.store.jdbc.JdbcFirstSeenRepository;
import dev.sluice.store.jdbc.JdbcInboxMailRepository;
import dev.sluice.store.jdbc.JdbcInboxRepository;
import dev.sluice.store.jdbc.JdbcIncidents;
import dev.sluice.store.jdbc.JdbcLastOutputRepository;
import dev.sluice.store.jdbc.JdbcPipeAlerts;
import dev.sluice.store.jdbc.JdbcPipeLikes;
import dev.sluice.store.jdbc.JdbcPipeRuns;
import dev.sluice.store.jdbc.JdbcRunJournal;
import dev.sluice.store.jdbc.JdbcWebSubSubscriptions;
import dev.sluice.store.jdbc.JdbcWebSubTopics;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account removes every row of the user — in every table of the schema — and not
 * one row of another user, likes across the two included.
 */
@BothDialects
class AccountDeletionContractTest extends StoreContract {
    /** Tables that belong to the server, not to any user. */
    static final List<String> NOT_USERS = List.of("secrets", "shedlock", "flyway_schema_history");

    /** Gives {@code u} a row in every table a user can have rows in; answers the pipe. */
    StoredPipe everything(User u, String tag) {
        StoredPipe p = pipes.create(u.id(), new Draft(tag, "", "{}", true, List.of(tag, "shared")));
        pipes.update(p.id(), new Draft(tag, "", "{\"v\":2}", true, List.of(tag)));
        new JdbcPipeLikes(db, clock).like(p.id(), u.id());
        stores.hooks().replace(p.id(), List.of(new HookStore.Row("hook-" + tag, p.id(), "")));
        stores.hookEvents().store(new HookEvents.NewEvent("hook-" + tag, T0, "text/plain", new byte[] {1}, "h" + tag, null),
                Duration.ofMinutes(1));
        new JdbcFirstSeenRepository(db).firstSeen(p.id(), "b", "g", T0);
        new JdbcLastOutputRepository(db).save(new LastOutput(p.id(), "", 2, new byte[] {2}, "t", T0, T0));
        PipeRuns runs = new JdbcPipeRuns(db);
        runs.record(new LastRun(p.id(), RunOutcome.OK, 0, T0));
        runs.flush();
        RunJournal journal = new JdbcRunJournal(db);
        journal.record(new RunRecord(p.id(), T0, RunOutcome.STALE, Duration.ZERO, 0, List.of("x"), null));
        journal.flush();
        new JdbcPipeAlerts(db, clock).save(p.id(), new AlertSettings(true, 1));
        new JdbcIncidents(db).open(p.id(), Incident.Kind.FAILING, T0, "x", T0);
        String address = "inbox-of-" + tag;
        new JdbcInboxRepository(db).replace(p.id(), Set.of(address));
        new JdbcInboxMailRepository(db).store(List.of(address), new InboxMailRepository.NewMail("from@example.org", T0,
                "key-" + tag, "s", "a", null, "<p>x</p>", "", "", 10, List.of(
                        new InboxMailRepository.NewAttachment("a.txt", "text/plain", "", 1, new byte[] {3}))), 10);
        new JdbcWebSubSubscriptions(db).save(new WebSubSubscription("https://sluice.example/feed/" + p.id() + ".rss",
                "https://reader.example/cb/" + tag, p.id(), "rss", null, 3600, T0, T0.plusSeconds(3600), 0));
        new JdbcWebSubTopics(db).startAt(p.id(), "", "hash-" + tag, T0);
        stores.sessions().start("session-" + tag, u.id(), 0, Long.MAX_VALUE);
        stores.apiTokens().create(u.id(), "t", "token-" + tag, 0, 10);
        stores.emailChanges().issue("change-" + tag, u.id(), tag + "@new.example", 0, Long.MAX_VALUE, 0);
        stores.loginLinks().issue("link-" + tag, u.email(), null, 0, Long.MAX_VALUE, 0);
        return p;
    }

    @Test
    void everyRowOfTheUserGoesAndNoRowOfAnother() {
        stores.secrets().putIfAbsent("server", "s", 0);
        User ann = user("ann@example.org");
        StoredPipe annsPipe = everything(ann, "ann");
        Map<String, Long> annOnly = counts();
        annOnly.forEach((table, rows) -> {
            if (!NOT_USERS.contains(table)) {
                assertThat(rows).as("the fixture gives a user rows in %s", table).isPositive();
            }
        });

        User jo = user("jo@example.org");
        StoredPipe josPipe = everything(jo, "jo");
        PipeLikes likes = new JdbcPipeLikes(db, clock);
        likes.like(annsPipe.id(), jo.id());
        likes.like(josPipe.id(), ann.id());
        counts().forEach((table, rows) -> {
            if (!NOT_USERS.contains(table)) {
                assertThat(rows).as("the fixture gives jo rows in %s", table).isGreaterThan(annOnly.get(table));
            }
        });

        AccountDeletion.Deleted deleted = new JdbcAccountDeletion(db).delete(jo.id()).orElseThrow();
        assertThat(deleted.email()).isEqualTo("jo@example.org");
        assertThat(deleted.pipeIds()).containsExactly(josPipe.id());
        assertThat(counts()).isEqualTo(annOnly);
        assertThat(users.find(jo.id())).isEmpty();
        assertThat(stores.hooks().find("hook-ann")).isPresent();
        assertThat(likes.likedBy(annsPipe.id(), ann.id())).isTrue();
        assertThat(likes.likedBy(annsPipe.id(), jo.id())).isFalse();
        assertThat(new JdbcAccountDeletion(db).delete(jo.id())).as("already gone").isEmpty();
    }

    /** Rows per table, for every table of the schema (Flyway's history aside). */
    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        for (String table : tables()) {
            if (!table.equals("flyway_schema_history")) {
                out.put(table, count(table));
            }
        }
        return out;
    }

    List<String> tables() {
        return db.read(c -> {
            DatabaseMetaData meta = c.getMetaData();
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    out.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return out;
        });
    }
}
