package dev.sluice.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.Database;
import dev.sluice.store.FirstSeenRepository;
import dev.sluice.store.Stores;
import dev.sluice.store.Sweep;
import dev.sluice.store.jdbc.JdbcFirstSeenRepository;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention job deletes exactly what has expired, in batches, and keeps everything else. */
class RetentionTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final long DAY = Duration.ofDays(1).toMillis();

    @TempDir
    Path dir;
    Database db;
    final InstantSource clock = InstantSource.fixed(NOW);

    @BeforeEach
    void open() {
        db = Database.open(dir);
        sql("INSERT INTO users (id, email, created_at) VALUES (1, 'ada@example.org', 0)");
        sql("INSERT INTO pipes (id, owner_id, pipe_json, version, feed_key, created_at, updated_at) "
                + "VALUES ('p1', 1, '{}', 1, 'k', 0, 0)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void sql(String statement, Object... args) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(statement)) {
                for (int i = 0; i < args.length; i++) {
                    st.setObject(i + 1, args[i]);
                }
                return st.executeUpdate();
            }
        });
    }

    private List<String> column(String query) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(query); ResultSet rs = st.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        });
    }

    private Map<String, Integer> runOnce(int batch) throws InterruptedException {
        return new Retention(Stores.on(db).expiredRows(), clock, Sweeps.standard(), batch, Duration.ZERO).runOnce();
    }

    @Test
    void expiredSessionsLinksTokensAndOldOutputsGoTheRestStays() throws Exception {
        long now = NOW.toEpochMilli();
        sql("INSERT INTO sessions VALUES ('expired', 1, 0, 0, ?)", now - 1);
        sql("INSERT INTO sessions VALUES ('live', 1, 0, ?, ?)", now, now + DAY);
        sql("INSERT INTO login_links VALUES ('old-link', 'ada@example.org', NULL, 0, ?, NULL)", now - 2 * DAY);
        sql("INSERT INTO login_links VALUES ('late-click', 'ada@example.org', NULL, 0, ?, NULL)", now - 60_000);
        sql("INSERT INTO email_changes VALUES ('old-change', 1, 'new@example.org', 0, ?, NULL)", now - 2 * DAY);
        sql("INSERT INTO login_links VALUES ('new-link', 'ada@example.org', NULL, ?, ?, NULL)", now, now + 60_000);
        sql("INSERT INTO api_tokens (user_id, name, token_hash, created_at, revoked_at) VALUES (1, 'long revoked', 'h1', 0, ?)",
                now - 31 * DAY);
        sql("INSERT INTO api_tokens (user_id, name, token_hash, created_at, revoked_at) VALUES (1, 'just revoked', 'h2', 0, ?)",
                now - DAY);
        sql("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (1, 'in use', 'h3', 0)");
        sql("INSERT INTO last_outputs VALUES ('p1', 'stale', 1, x'00', 't', ?, 0)", now - 91 * DAY);
        sql("INSERT INTO last_outputs VALUES ('p1', 'fresh', 1, x'00', 't', ?, 0)", now - DAY);

        Map<String, Integer> deleted = runOnce(Retention.BATCH);

        assertThat(deleted).containsEntry("sessions", 1).containsEntry("login links", 1).containsEntry("e-mail changes", 1)
                .containsEntry("revoked tokens", 1).containsEntry("last outputs", 1);
        assertThat(column("SELECT id_hash FROM sessions")).containsExactly("live");
        assertThat(column("SELECT token_hash FROM login_links ORDER BY token_hash")).as("expired a minute ago: still told apart")
                .containsExactly("late-click", "new-link");
        assertThat(column("SELECT token_hash FROM email_changes")).isEmpty();
        assertThat(column("SELECT name FROM api_tokens ORDER BY id")).containsExactly("just revoked", "in use");
        assertThat(column("SELECT params_key FROM last_outputs")).containsExactly("fresh");
        assertThat(runOnce(Retention.BATCH).values()).as("a second pass finds nothing").containsOnly(0);
    }

    @Test
    void manyExpiredRowsGoInSeveralSmallBatches() throws Exception {
        FirstSeenRepository firstSeen = new JdbcFirstSeenRepository(db);
        Instant old = NOW.minus(Duration.ofDays(120));
        for (int i = 0; i < 23; i++) {
            firstSeen.firstSeen("p1", "b", "old" + i, old);
        }
        firstSeen.firstSeen("p1", "b", "recent", NOW.minus(Duration.ofDays(10)));

        assertThat(runOnce(5)).containsEntry("first-seen dates", 23);

        assertThat(column("SELECT guid FROM first_seen")).containsExactly("recent");
        FirstSeenRepository restarted = new JdbcFirstSeenRepository(db);
        assertThat(restarted.firstSeen("p1", "b", "old0", NOW)).as("forgotten, so seen anew").isEqualTo(NOW);
    }

    @Test
    void incidentsClearedLongAgoGoWithTheirNoticesOpenOnesStay() throws Exception {
        long now = NOW.toEpochMilli();
        sql("INSERT INTO pipe_incidents (id, pipe_id, kind, since, opened_at, cleared_at) VALUES ('old', 'p1', 'FAILING', 0, 0, ?)",
                now - 91 * DAY);
        sql("INSERT INTO pipe_incidents (id, pipe_id, kind, since, opened_at, cleared_at) VALUES ('recent', 'p1', 'FAILING', 0, 0, ?)",
                now - DAY);
        sql("INSERT INTO pipe_incidents (id, pipe_id, kind, since, opened_at) VALUES ('open', 'p1', 'STALE', 0, 0)");
        for (String incident : List.of("old", "recent", "open")) {
            sql("INSERT INTO alert_notices (id, incident_id, owner_id, kind, created_at, state) VALUES (?, ?, 1, 'OPENED', 0, 'SENT')",
                    "n-" + incident, incident);
        }

        assertThat(runOnce(Retention.BATCH)).containsEntry("cleared incidents", 1);
        assertThat(column("SELECT id FROM pipe_incidents ORDER BY id")).containsExactly("open", "recent");
        assertThat(column("SELECT id FROM alert_notices ORDER BY id")).containsExactly("n-open", "n-recent");
    }

    @Test
    void aSweepRefusesAnythingButPlainNames() {
        assertThatThrownBy(() -> Sweep.of("bad", "sessions; DROP TABLE users", "expires_at", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sweep("bad", "first_seen", "(guid) OR 1=1", "first_seen_at", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
