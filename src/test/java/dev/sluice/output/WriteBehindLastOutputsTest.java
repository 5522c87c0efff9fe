package dev.sluice.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.model.LastOutput;
import dev.sluice.store.Database;
import dev.sluice.store.LastOutputRepository;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.UserRepository;
import dev.sluice.store.jdbc.JdbcLastOutputRepository;
import dev.sluice.store.jdbc.JdbcPipeRepository;
import dev.sluice.store.jdbc.JdbcUserRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Last outputs written behind the request: found at once, and on disk once closed. */
class WriteBehindLastOutputsTest {
    @TempDir
    Path dir;

    /** Stored pipes with these ids do not exist: last outputs belong to stored pipes. */
    private static String[] pipes(Database db, int count) {
        long owner = new JdbcUserRepository(db, InstantSource.system()).findOrCreate("owner@example.org").id();
        PipeRepository repository = new JdbcPipeRepository(db, InstantSource.system());
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = repository.create(owner, new PipeRepository.Draft("p" + i, "", "{\"blocks\":[]}", false, List.of())).id();
        }
        return ids;
    }

    private static LastOutput output(String pipe, String params, int version) {
        byte[] json = ("{\"items\":[],\"v\":" + version + "}").getBytes(StandardCharsets.UTF_8);
        return new LastOutput(pipe, params, version, json, "tag" + version, Instant.ofEpochSecond(1_700_000_000L + version),
                Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void aSavedOutputIsFoundAtOnceAndIsOnDiskAfterClose() {
        try (Database db = Database.open(dir)) {
            String[] ids = pipes(db, 5);
            WriteBehindLastOutputs outputs = new WriteBehindLastOutputs(new JdbcLastOutputRepository(db));
            for (int v = 1; v <= 40; v++) { // more than the queue holds: the caller writes the rest
                outputs.save(output(ids[v % 5], "", v));
                LastOutput found = outputs.find(ids[v % 5], "").orElseThrow();
                assertEquals(v, found.version(), "the output just saved is the one found, written or not");
            }
            outputs.close();
            LastOutputRepository disk = new JdbcLastOutputRepository(db);
            for (int p = 0; p < 5; p++) {
                LastOutput stored = disk.find(ids[p], "").orElseThrow();
                int newest = 40 - ((40 - p) % 5);
                assertEquals(newest, stored.version(), "pipe p" + p + ": the newest output is on disk");
                assertArrayEquals(output(ids[p], "", newest).feedJson(), stored.feedJson());
            }
            assertTrue(disk.find(ids[0], "q=other").isEmpty(), "other parameters have their own output");
        }
    }

    @Test
    void savesAfterCloseAreWrittenAtOnce() {
        try (Database db = Database.open(dir)) {
            String late = pipes(db, 1)[0];
            WriteBehindLastOutputs outputs = new WriteBehindLastOutputs(new JdbcLastOutputRepository(db));
            outputs.close();
            outputs.save(output(late, "", 7));
            assertEquals(7, new JdbcLastOutputRepository(db).find(late, "").orElseThrow().version());
        }
    }
}
