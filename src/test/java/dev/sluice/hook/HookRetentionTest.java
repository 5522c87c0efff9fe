package dev.sluice.hook;

import dev.sluice.store.Stores;
import static dev.sluice.hook.HookFixtures.newHookId;
import static dev.sluice.hook.HookFixtures.pipeWithWebhook;
import static dev.sluice.hook.HookFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.Database;
import dev.sluice.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One retention pass over seeded events: newest 500 per hook, nothing older than 7 days, nothing of deleted hooks. */
class HookRetentionTest {
    TestServer server;
    Database db;
    HookRetention retention;

    @BeforeEach
    void start() {
        server = TestServer.standard();
        db = Database.open(server.dataDir);
        retention = new HookRetention(Stores.on(db).hookEvents(), HookLimits.DEFAULTS, server.clock, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        db.close();
        server.close();
    }

    private String hook() {
        String id = newHookId();
        server.save("owner@example.org", "hook", pipeWithWebhook(id, ""), false);
        return id;
    }

    /** Inserts {@code count} events received {@code age} ago and later, one second apart, in one transaction. */
    private void seed(String hookId, int count, Duration age) {
        Instant first = server.clock.instant().minus(age);
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO hook_events "
                    + "(hook_id, received_at, content_type, body, body_hash) VALUES (?, ?, 'text/plain', ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    st.setString(1, hookId);
                    st.setLong(2, first.plusSeconds(i).toEpochMilli());
                    st.setBytes(3, ("event " + i).getBytes());
                    st.setString(4, "hash" + i);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    private Instant oldestKept(String hookId) {
        return db.read(c -> oldest(c, hookId));
    }

    private static Instant oldest(Connection c, String hookId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT MIN(received_at) FROM hook_events WHERE hook_id = ?")) {
            st.setString(1, hookId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return Instant.ofEpochMilli(rs.getLong(1));
            }
        }
    }

    @Test
    void keepsTheNewest500EventsPerHook() {
        String busy = hook();
        seed(busy, 1234, Duration.ofHours(1));
        Instant newestFirst = server.clock.instant().minus(Duration.ofHours(1)).plusSeconds(1234 - 500)
                .truncatedTo(ChronoUnit.MILLIS);

        HookRetention.Pass pass = retention.runOnce();

        assertThat(stored(server.dataDir, busy)).isEqualTo(500);
        assertThat(oldestKept(busy)).isEqualTo(newestFirst);
        assertThat(pass.beyondNewest()).isEqualTo(734);
    }

    @Test
    void deletesEventsOlderThanSevenDays() {
        String mixed = hook();
        seed(mixed, 250, Duration.ofDays(8));
        seed(mixed, 30, Duration.ofDays(6));

        HookRetention.Pass pass = retention.runOnce();

        assertThat(stored(server.dataDir, mixed)).isEqualTo(30);
        assertThat(oldestKept(mixed)).isAfter(server.clock.instant().minus(Duration.ofDays(7)));
        assertThat(pass.expired()).isEqualTo(250);
    }

    @Test
    void deletesAllEventsOfHooksNoPipeHasAnyMore() {
        String gone = newHookId();
        String kept = hook();
        seed(gone, 450, Duration.ofMinutes(5));
        seed(kept, 10, Duration.ofMinutes(5));

        HookRetention.Pass pass = retention.runOnce();

        assertThat(stored(server.dataDir, gone)).isZero();
        assertThat(stored(server.dataDir, kept)).isEqualTo(10);
        assertThat(pass).isEqualTo(new HookRetention.Pass(0, 0, 450));
    }

    @Test
    void aSecondPassFindsNothingToDo() {
        String hook = hook();
        seed(hook, 700, Duration.ofDays(1));
        retention.runOnce();
        assertThat(retention.runOnce().total()).isZero();
        assertThat(stored(server.dataDir, hook)).isEqualTo(500);
    }
}
