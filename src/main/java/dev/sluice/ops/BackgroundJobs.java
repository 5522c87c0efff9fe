package dev.sluice.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background jobs of a serving process, on one platform thread so they never compete with
 * each other for the database's single writer. A job that fails is logged and runs again at its
 * next turn; jobs marked {@link #alsoAtClose} run once more when the server stops, so counts kept
 * in memory are not lost with it.
 *
 * <p>Two kinds: a node's own jobs ({@link #every}, {@link #alsoAtClose}: writing what this node
 * counted in memory) run on every node; shared jobs ({@link #onceShared}, {@link #everyShared}:
 * retention, repairs, health — work on the data all nodes share) run only on nodes whose role
 * runs jobs, and there on one node per turn ({@link JobLocks}).
 */
public final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sluice-jobs").daemon().factory());
    private final List<Runnable> atClose = new ArrayList<>();
    private final JobLocks locks;
    private final boolean runsSharedJobs;
    private final Duration firstRunAfter;

    /** A single node's jobs: shared jobs run here without a lock (tests, commands). */
    public BackgroundJobs() {
        this(null, true, null);
    }

    /**
     * @param locks          where shared jobs take their turn's lock; null to run them unlocked
     * @param runsSharedJobs false on a node that only serves requests
     * @param firstRunAfter  when every scheduled job first runs; null for each job's own delay
     */
    public BackgroundJobs(JobLocks locks, boolean runsSharedJobs, Duration firstRunAfter) {
        this.locks = locks;
        this.runsSharedJobs = runsSharedJobs;
        this.firstRunAfter = firstRunAfter;
    }

    /** Runs {@code job} once, now. */
    public BackgroundJobs once(String name, Runnable job) {
        thread.execute(guarded(name, job));
        return this;
    }

    /** Runs {@code job} every {@code period}, the first time after {@code first}. */
    public BackgroundJobs every(Duration period, Duration first, String name, Runnable job) {
        long firstMillis = (firstRunAfter != null ? firstRunAfter : first).toMillis();
        thread.scheduleWithFixedDelay(guarded(name, job), firstMillis, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs shared {@code job} once, now, on one node of those starting within {@code lockFor}. */
    public BackgroundJobs onceShared(Duration lockFor, String name, Runnable job) {
        return runsSharedJobs ? once(name, onOneNode(name, lockFor, job)) : this;
    }

    /** Runs shared {@code job} every {@code period}, the first time after {@code first}, on one node per turn. */
    public BackgroundJobs everyShared(Duration period, Duration first, String name, Runnable job) {
        return runsSharedJobs ? every(period, first, name, onOneNode(name, period, job)) : this;
    }

    /** {@code job} on one node per turn of {@code period}, for a job with its own thread. */
    public Runnable onOneNode(String name, Duration period, Runnable job) {
        return locks == null ? job : locks.onOneNode(name, period, job);
    }

    /** Whether this node runs shared jobs at all. */
    public boolean runsSharedJobs() {
        return runsSharedJobs;
    }

    /** As {@link #every}, and once more at {@link #close()}. */
    public BackgroundJobs alsoAtClose(Duration period, String name, Runnable job) {
        atClose.add(guarded(name, job));
        return every(period, period, name, job);
    }

    /** Stops the thread (a running job is interrupted), then runs the jobs that must run at close. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        atClose.forEach(Runnable::run);
    }

    private static Runnable guarded(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("Background job \"{}\" failed; it runs again at its next turn: {}", name, e.toString());
            }
        };
    }
}
