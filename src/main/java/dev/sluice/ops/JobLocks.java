package dev.sluice.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Runs a background job on one node per turn when several nodes share the database. Before a
 * run the node takes the job's lock row; a node that finds it taken skips its turn. The lock is
 * held for most of the job's period even after the run ends, so nodes whose timers fire a little
 * apart do not each run the job in the same turn; and it lapses on its own a little after the
 * period if the node holding it dies, so another node takes the job over.
 *
 * <p>Every node counts its turns as {@code sluice_jobs_total{job, outcome="ran"|"skipped"}}.
 */
public final class JobLocks {
    /** How long past its period a dead node's lock keeps others out (a run longer than that may overlap). */
    public static final Duration GRACE = Duration.ofMinutes(5);

    private final LockProvider provider;
    private final Duration grace;

    public JobLocks(LockProvider provider) {
        this(provider, GRACE);
    }

    public JobLocks(LockProvider provider, Duration grace) {
        this.provider = provider;
        this.grace = grace;
    }

    /** {@code job}, run only when this node holds the lock named {@code name} for this turn of {@code period}. */
    public Runnable onOneNode(String name, Duration period, Runnable job) {
        Counter ran = counter(name, "ran");
        Counter skipped = counter(name, "skipped");
        Duration atLeast = period.multipliedBy(9).dividedBy(10);
        Duration atMost = period.plus(grace);
        return () -> {
            // Lock times are wall-clock times every node compares (ShedLock's clock, not a test's).
            var lock = provider.lock(new LockConfiguration(ClockProvider.now(), name, atMost, atLeast));
            if (lock.isEmpty()) {
                skipped.increment();
                return;
            }
            SimpleLock held = lock.get();
            try {
                ran.increment();
                job.run();
            } finally {
                held.unlock();
            }
        };
    }

    private static Counter counter(String job, String outcome) {
        return Counter.builder("sluice.jobs").description("Turns of background jobs on this node, by whether it ran the job")
                .tag("job", job).tag("outcome", outcome).register(Metrics.globalRegistry);
    }
}
