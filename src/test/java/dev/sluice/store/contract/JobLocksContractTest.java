package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.ops.JobLocks;
import dev.sluice.store.Database;
import dev.sluice.store.JobLockTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Background jobs of nodes sharing one database: a turn's run happens on one node only, however
 * the nodes' timers fall, and another node takes the job over once the turn has passed.
 * Each "node" here has its own connection pool on the same database, as separate processes do.
 */
@BothDialects
class JobLocksContractTest extends StoreContract {

    @Test
    void nodesRacingForOneTurnRunTheJobOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Database> nodes = new ArrayList<>();
        try {
            List<Runnable> turns = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Database node = Database.open(url);
                nodes.add(node);
                turns.add(new JobLocks(JobLockTable.on(node)).onOneNode("retention", Duration.ofMinutes(30), runs::incrementAndGet));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (Runnable turn : turns) {
                threads.add(Thread.ofPlatform().start(() -> {
                    await(go);
                    turn.run();
                }));
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(runs).as("four nodes' timers fired at once").hasValue(1);

            turns.forEach(Runnable::run);
            assertThat(runs).as("a second round within the same turn").hasValue(1);
        } finally {
            nodes.forEach(Database::close);
        }
    }

    @Test
    void theNextTurnMayRunOnAnotherNodeAndALapsedLockIsTakenOver() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        Duration period = Duration.ofMillis(400);
        try (Database other = Database.open(url)) {
            Runnable a = new JobLocks(JobLockTable.on(db), Duration.ZERO).onOneNode("health", period, first::incrementAndGet);
            Runnable b = new JobLocks(JobLockTable.on(other), Duration.ZERO).onOneNode("health", period, second::incrementAndGet);
            a.run();
            b.run();
            assertThat(first).hasValue(1);
            assertThat(second).as("same turn: node A holds it").hasValue(0);
            Thread.sleep(period.toMillis() + 100);
            b.run();
            assertThat(second).as("A's turn has passed: B takes the job").hasValue(1);

            // A job that fails still releases its turn's hold as designed: the next turn runs.
            Runnable failing = new JobLocks(JobLockTable.on(db), Duration.ZERO).onOneNode("broken", period, () -> {
                throw new IllegalStateException("boom");
            });
            try {
                failing.run();
            } catch (IllegalStateException expected) {
                // the job's own failure reaches the caller (BackgroundJobs logs it)
            }
            Thread.sleep(period.toMillis() + 100);
            AtomicInteger later = new AtomicInteger();
            new JobLocks(JobLockTable.on(other), Duration.ZERO).onOneNode("broken", period, later::incrementAndGet).run();
            assertThat(later).hasValue(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
