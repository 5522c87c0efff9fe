package dev.sluice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.jdbc.JdbcFirstSeenRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-seen dates: written once, read back after a restart, kept apart per pipe and block, and expired in batches. */
class FirstSeenRepositoryTest {
    static final Instant T0 = Instant.parse("2024-06-30T12:00:00Z");

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theFirstDateStaysAcrossRunsAndRestarts() {
        FirstSeenRepository repo = new JdbcFirstSeenRepository(db);
        assertThat(repo.firstSeen("p1", "b1", "g", T0)).isEqualTo(T0);
        assertThat(repo.firstSeen("p1", "b1", "g", T0.plusSeconds(60))).isEqualTo(T0);
        // A fresh repository (a restarted server) reads the stored date, not its own "now".
        assertThat(new JdbcFirstSeenRepository(db).firstSeen("p1", "b1", "g", T0.plusSeconds(3600))).isEqualTo(T0);
    }

    @Test
    void pipesAndBlocksHaveTheirOwnDates() {
        FirstSeenRepository repo = new JdbcFirstSeenRepository(db);
        repo.firstSeen("p1", "b1", "g", T0);
        Instant later = T0.plusSeconds(120);
        assertThat(repo.firstSeen("p2", "b1", "g", later)).isEqualTo(later);
        assertThat(repo.firstSeen("p1", "b2", "g", later)).isEqualTo(later);
    }
}
