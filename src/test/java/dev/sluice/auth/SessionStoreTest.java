package dev.sluice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.User;
import dev.sluice.store.Database;
import dev.sluice.store.Stores;
import dev.sluice.store.UserRepository;
import dev.sluice.store.jdbc.JdbcUserRepository;
import dev.sluice.testing.TestClock;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions in the database: what is stored, when the expiry moves, what is cleared. */
class SessionStoreTest {
    @TempDir
    Path dir;
    Database db;
    final TestClock clock = new TestClock();
    Sessions sessions;
    User alice;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        UserRepository users = new JdbcUserRepository(db, clock);
        sessions = new Sessions(Stores.on(db).sessions(), users, new TokenHasher(new ServerSecrets(Stores.on(db).secrets(), clock).get(ServerSecrets.TOKEN_PEPPER)), clock);
        alice = users.findOrCreate("alice@example.org");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count(String sql) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                return rs.getLong(1);
            }
        });
    }

    @Test
    void theDatabaseHoldsAHashNotTheId() {
        String id = sessions.start(alice.id());
        assertThat(count("SELECT count(*) FROM sessions WHERE id_hash = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM sessions WHERE length(id_hash) = 64")).isEqualTo(1);
        assertThat(sessions.userFor(id)).hasValue(alice);
    }

    @Test
    void useMovesTheExpiryOnlyWhenTheLastMoveIsAnHourOld() {
        String id = sessions.start(alice.id());
        long created = count("SELECT expires_at FROM sessions");

        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.resume(id).orElseThrow().renewed()).isFalse();
        assertThat(count("SELECT expires_at FROM sessions")).isEqualTo(created);

        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.resume(id).orElseThrow().renewed()).isTrue();
        assertThat(count("SELECT expires_at FROM sessions")).isEqualTo(created + Duration.ofHours(1).toMillis());
    }

    @Test
    void expiredSessionsAreClearedAtTheNextLogin() {
        String old = sessions.start(alice.id());
        clock.advance(Sessions.LIFETIME);
        assertThat(sessions.userFor(old)).isEmpty();

        sessions.start(alice.id());
        assertThat(count("SELECT count(*) FROM sessions")).isEqualTo(1);
    }

    @Test
    void endAllCountsTheSessionsItEnded() {
        sessions.start(alice.id());
        sessions.start(alice.id());
        assertThat(sessions.endAll(alice.id())).isEqualTo(2);
        assertThat(sessions.endAll(alice.id())).isZero();
    }
}
