package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.Incident;
import dev.sluice.model.LastOutput;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.ops.Sweeps;
import dev.sluice.store.FirstSeenRepository;
import dev.sluice.store.Incidents;
import dev.sluice.store.LastOutputRepository;
import dev.sluice.store.Sweep;
import dev.sluice.store.jdbc.JdbcFirstSeenRepository;
import dev.sluice.store.jdbc.JdbcIncidents;
import dev.sluice.store.jdbc.JdbcLastOutputRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every retention sweep of {@link Sweeps#standard()} deletes exactly the rows older than its
 * cut-off, a batch at a time — on tables addressed by the database's own row address (SQLite's
 * rowid, PostgreSQL's ctid) and on tables addressed by their key columns alike — and leaves newer
 * rows and rows without a time (a live token, an open incident) alone.
 */
@BothDialects
class RetentionSweepContractTest extends StoreContract {
    static final long CUTOFF = 1_000_000;
    static final int OLD = 5;
    static final int NEW = 3;
    static final int BATCH = 2;

    /** Rows of each swept table made through its store: old ones, new ones, and timeless ones. */
    interface Planter {
        void plant(int n, long atMillis);
    }

    User jo;
    StoredPipe pipe;
    final List<String> timeless = new ArrayList<>();
    Map<String, Planter> planters;

    @BeforeEach
    void planters() {
        jo = user("jo@example.org");
        pipe = pipe(jo, "p");
        Incidents incidents = new JdbcIncidents(db);
        planters = Map.of(
                "sessions", (n, at) -> stores.sessions().start("s" + n + "-" + at, jo.id(), 0, at),
                "login_links", (n, at) -> stores.loginLinks().issue("l" + n + "-" + at, "jo@example.org", null, 0, at, 0),
                "email_changes", (n, at) -> stores.emailChanges().issue("e" + n + "-" + at, jo.id(), "x@example.org", 0, at, 0),
                "api_tokens", (n, at) -> {
                    long id = stores.apiTokens().create(jo.id(), "t", "t" + n + "-" + at, 0, 1000).orElseThrow();
                    stores.apiTokens().revoke(jo.id(), id, at);
                },
                "last_outputs", (n, at) -> new JdbcLastOutputRepository(db).save(new LastOutput(pipe.id(), "k" + n + "-" + at, 1,
                        new byte[] {1}, "tag", Instant.ofEpochMilli(at), Instant.ofEpochMilli(at))),
                "first_seen", (n, at) -> new JdbcFirstSeenRepository(db).firstSeen(pipe.id(), "b", "g" + n + "-" + at,
                        Instant.ofEpochMilli(at)),
                "pipe_incidents", (n, at) -> {
                    incidents.open(pipe.id(), Incident.Kind.FAILING, Instant.EPOCH, "", Instant.EPOCH);
                    incidents.clear(incidents.open(Incident.Kind.FAILING).get(0), Instant.ofEpochMilli(at), false);
                });
        // rows whose time column is empty never expire
        stores.apiTokens().create(jo.id(), "live", "live-token", 0, 1000);
        incidents.open(pipe.id(), Incident.Kind.STALE, Instant.EPOCH, "", Instant.EPOCH);
    }

    @Test
    void everyStandardSweepDeletesOnlyOldRowsInBatches() {
        List<Sweep> sweeps = Sweeps.standard();
        assertThat(planters).as("a planter for every swept table").containsOnlyKeys(
                sweeps.stream().map(Sweep::table).toArray(String[]::new));
        for (Sweep sweep : sweeps) {
            long before = count(sweep.table());
            for (int n = 0; n < OLD; n++) {
                planters.get(sweep.table()).plant(n, CUTOFF - 1 - n);
            }
            for (int n = 0; n < NEW; n++) {
                planters.get(sweep.table()).plant(n, CUTOFF + n);
            }
            List<Integer> batches = new ArrayList<>();
            int deleted;
            do {
                deleted = stores.expiredRows().deleteBatch(sweep, CUTOFF, BATCH);
                batches.add(deleted);
            } while (deleted > 0 && batches.size() < 10);
            assertThat(batches).as(sweep.name()).containsExactly(2, 2, 1, 0);
            assertThat(count(sweep.table(), sweep.timeColumn() + " < ?", CUTOFF)).as(sweep.name()).isZero();
            assertThat(count(sweep.table())).as(sweep.name() + ": new and timeless rows stay").isEqualTo(before + NEW);
        }
        assertThat(stores.apiTokens().findLive("live-token")).isPresent();
        assertThat(new JdbcIncidents(db).open(Incident.Kind.STALE)).hasSize(1);
    }

    @Test
    void aSweepWithNothingOldDeletesNothing() {
        for (Sweep sweep : Sweeps.standard()) {
            planters.get(sweep.table()).plant(0, CUTOFF);
            assertThat(stores.expiredRows().deleteBatch(sweep, CUTOFF, BATCH)).as(sweep.name()).isZero();
        }
    }
}
