package dev.sluice.cli;

import static dev.sluice.cli.CliRun.sluice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.store.Database;
import dev.sluice.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice backup FILE}: a copy taken from a running server restores into a working one. */
class BackupCommandTest {
    static final String PIPE = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
            + "\"inputs\":[{}],\"textinputs\":[]}]}";

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheServerWritesRestoresEveryPipeItHeld() throws Exception {
        Path backup = dir.resolve("backups/sluice-backup.db");
        StoredPipe kept;
        int savedBefore;
        try (TestServer server = TestServer.standard()) {
            kept = server.save("ada@example.org", "Kept through the backup", PIPE, true);
            for (int i = 0; i < 20; i++) {
                server.save("ada@example.org", "Pipe " + i, PIPE, false);
            }
            savedBefore = 21;
            // Saves go on while the copy is taken: the copy must still be a consistent snapshot.
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger during = new AtomicInteger();
            Thread writer = Thread.ofPlatform().start(() -> {
                while (writing.get()) {
                    server.save("bob@example.org", "During " + during.incrementAndGet(), PIPE, false);
                }
            });
            CliRun r;
            try {
                r = sluice(server.dataDir, "backup", backup.toString());
            } finally {
                writing.set(false);
                writer.join();
            }
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Backed up").contains(backup.toString());
            long pipesInCopy = Long.parseLong(r.out().replaceAll("(?s).*Backed up (\\d+) pipes.*", "$1"));
            assertThat(pipesInCopy).isBetween((long) savedBefore, (long) savedBefore + during.get());
        }
        // Restore as documented: the copy becomes sluice.db of a fresh data directory.
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(backup, restored.resolve(Database.FILE_NAME));
        try (TestServer server = new TestServer(Map.of(), restored)) {
            assertThat(server.get("/api/pipes/" + kept.id()).body()).contains("Kept through the backup");
            assertThat(server.get("/feed/" + kept.id()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path target = Files.writeString(dir.resolve("precious.db"), "not a database");
        try (TestServer server = TestServer.standard()) {
            CliRun r = sluice(server.dataDir, "backup", target.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("already exists");
        }
        assertThat(Files.readString(target)).isEqualTo("not a database");
    }

    @Test
    void withoutADatabaseItSaysWhereItLookedAndWritesNothing() {
        Path target = dir.resolve("copy.db");
        CliRun r = sluice(dir.resolve("empty"), "backup", target.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No database at").contains("SLUICE_DATA_DIR");
        assertThat(target).doesNotExist();
    }
}
