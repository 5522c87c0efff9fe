package dev.sluice.auth;

import dev.sluice.store.Stores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.auth.LinkRedemption.Accepted;
import dev.sluice.auth.LinkRedemption.Reason;
import dev.sluice.auth.LinkRedemption.Refused;
import dev.sluice.store.Database;
import dev.sluice.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login links in the database: hashed, single use even under a race, fifteen minutes. */
class LoginLinksTest {
    @TempDir
    Path dir;
    Database db;
    final TestClock clock = new TestClock();
    LoginLinks links;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        links = new LoginLinks(Stores.on(db).loginLinks(), new TokenHasher(new ServerSecrets(Stores.on(db).secrets(), clock).get(ServerSecrets.TOKEN_PEPPER)), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTokenIs256RandomBitsUrlSafe() {
        String a = links.issue("a@example.org", null);
        String b = links.issue("a@example.org", null);
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b);
    }

    @Test
    void onlyAHashOfTheTokenIsStored() throws Exception {
        String token = links.issue("a@example.org", "/x");
        List<String> stored = db.read(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT token_hash FROM login_links")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).matches("[0-9a-f]{64}").doesNotContain(token);
        db.close();
        assertThat(Files.readString(dir.resolve(Database.FILE_NAME), java.nio.charset.StandardCharsets.ISO_8859_1)
                + walText()).doesNotContain(token);
    }

    private String walText() throws Exception {
        Path wal = dir.resolve(Database.FILE_NAME + "-wal");
        return Files.exists(wal) ? Files.readString(wal, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }

    @Test
    void aLinkIsRedeemedOnceWithItsAddressAndNextPage() {
        String token = links.issue("a@example.org", "/pipe/1");
        assertThat(links.redeem(token)).isEqualTo(new Accepted("a@example.org", "/pipe/1"));
        assertThat(links.redeem(token)).isEqualTo(new Refused(Reason.USED));
    }

    @Test
    void ofManyRacingClicksExactlyOneLogsIn() throws Exception {
        String token = links.issue("a@example.org", null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<LinkRedemption>> clicks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                clicks.add(() -> links.redeem(token));
            }
            List<LinkRedemption> results = new ArrayList<>();
            for (Future<LinkRedemption> f : pool.invokeAll(clicks)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(r -> r instanceof Accepted).hasSize(1);
            assertThat(results).filteredOn(r -> r.equals(new Refused(Reason.USED))).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLinkExpiresAfterFifteenMinutes() {
        String token = links.issue("a@example.org", null);
        clock.advance(LoginLinks.VALIDITY);
        assertThat(links.redeem(token)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void anUnknownOrMalformedTokenIsRefused() {
        links.issue("a@example.org", null);
        assertThat(links.redeem(RandomTokens.next())).isEqualTo(new Refused(Reason.UNKNOWN));
        assertThat(links.redeem(null)).isEqualTo(new Refused(Reason.UNKNOWN));
        assertThat(links.redeem("short")).isEqualTo(new Refused(Reason.UNKNOWN));
    }

    @Test
    void linksLongExpiredAreClearedAway() {
        String old = links.issue("a@example.org", null);
        clock.advance(Duration.ofDays(2));
        links.issue("b@example.org", null);
        assertThat(links.redeem(old)).isEqualTo(new Refused(Reason.UNKNOWN));
        int rows = db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM login_links")) {
                return rs.getInt(1);
            }
        });
        assertThat(rows).isEqualTo(1);
    }
}
