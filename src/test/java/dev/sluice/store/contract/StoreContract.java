package dev.sluice.store.contract;

import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.Database;
import dev.sluice.store.DatabaseUrl;
import dev.sluice.store.Dialect;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.Stores;
import dev.sluice.store.UserRepository;
import dev.sluice.testing.StoreBackend;
import dev.sluice.testing.TestClock;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * What every contract test has: a fresh, migrated database of the dialect the run is for, a
 * clock the test moves, and helpers that make users and pipes through the real repositories.
 * Raw SQL appears only to count rows that no store call counts.
 */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    DatabaseUrl url;
    Database db;
    TestClock clock;
    Stores stores;
    UserRepository users;
    PipeRepository pipes;

    @BeforeEach
    void openDatabase() {
        url = StoreBackend.url(dialect, dir);
        db = Database.open(url);
        clock = new TestClock();
        stores = Stores.on(db, clock);
        users = stores.users();
        pipes = stores.pipes();
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    User user(String email) {
        return users.findOrCreate(email);
    }

    StoredPipe pipe(User owner, String title) {
        return pipes.create(owner.id(), new PipeRepository.Draft(title, "", "{\"modules\":[]}", false, List.of()));
    }

    StoredPipe publicPipe(User owner, String title, String description, String... tags) {
        return pipes.create(owner.id(), new PipeRepository.Draft(title, description, "{\"modules\":[]}", true, List.of(tags)));
    }

    /** Rows of {@code table} matching {@code where} (a condition with {@code ?} parameters). */
    long count(String table, String where, Object... args) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
                bind(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    long count(String table) {
        return count(table, "1 = 1");
    }

    private static void bind(PreparedStatement st, Object... args) throws java.sql.SQLException {
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
    }

    /**
     * Runs {@code tasks} at once on their own threads, released together, and answers their
     * results in order: for races that a conditional update or a constraint must decide.
     */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static <T> List<Callable<T>> times(int n, Callable<T> task) {
        return java.util.Collections.nCopies(n, task);
    }
}
