package dev.sluice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.output.Invalidation;
import dev.sluice.store.Database;
import dev.sluice.store.DatabaseUrl;
import dev.sluice.testing.RealServices;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL database and no Redis: a pipe saved or fed on one node is
 * forgotten by the other through LISTEN/NOTIFY, and a node that lost its listening connection
 * forgets everything once it is back (it may have missed announcements).
 */
class PostgresInvalidationTest {

    /** What one node's caches were told, in order. */
    static final class Told implements Invalidation.Caches {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void forgetPipe(String pipeId) {
            calls.add("pipe " + pipeId);
        }

        @Override
        public void forgetOutputs(String pipeId) {
            calls.add("outputs " + pipeId);
        }

        @Override
        public void forgetAll() {
            calls.add("all");
        }
    }

    @Test
    void aChangeOnOneNodeIsForgottenOnTheOtherAndOnceOnItself() throws Exception {
        DatabaseUrl url = RealServices.freshPostgres();
        try (Database dbA = Database.open(url); Database dbB = Database.open(url);
             PostgresInvalidation a = new PostgresInvalidation(dbA, url);
             PostgresInvalidation b = new PostgresInvalidation(dbB, url)) {
            Told onA = new Told();
            Told onB = new Told();
            a.listen(onA);
            b.listen(onB);

            a.pipeChanged("p1");
            a.contentChanged("p2");
            waitFor(() -> onB.calls.size() >= 2);
            assertThat(onB.calls).containsExactly("pipe p1", "outputs p2");

            b.pipeChanged("p3");
            waitFor(() -> onA.calls.size() >= 3);
            Thread.sleep(700); // a node's own notification also reaches it: it must not count twice
            assertThat(onA.calls).containsExactly("pipe p1", "outputs p2", "pipe p3");
            assertThat(onB.calls).containsExactly("pipe p1", "outputs p2", "pipe p3");
        }
    }

    @Test
    void aNodeThatLostItsListeningConnectionForgetsEverythingAndHearsAgain() throws Exception {
        DatabaseUrl url = RealServices.freshPostgres();
        try (Database dbA = Database.open(url); Database dbB = Database.open(url);
             PostgresInvalidation a = new PostgresInvalidation(dbA, url);
             PostgresInvalidation b = new PostgresInvalidation(dbB, url)) {
            Told onB = new Told();
            a.listen(new Told());
            b.listen(onB);

            // The server ends every session listening on the channel (a failover, a restart).
            dbA.transaction(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()")) {
                    st.execute();
                }
                return null;
            });
            waitFor(() -> onB.calls.contains("all"));

            // Both listen again: announcements reach B once more.
            waitFor(() -> {
                a.pipeChanged("after");
                return onB.calls.contains("pipe after");
            });
        }
    }

    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
