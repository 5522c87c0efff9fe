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
 * The background jobs of a serving process (SPEC §16), on one platform thread so they never
 * compete with each other for the database's single writer. A job that fails is logged and runs
 * again at its next turn; jobs marked {@link #alsoAtClose} run once more when the server stops,
 * so counts kept in memory are not lost with it.
 */
public final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sluice-jobs").daemon().factory());
    private final List<Runnable> atClose = new ArrayList<>();

    /** Runs {@code job} once, now. */
    public BackgroundJobs once(String name, Runnable job) {
        thread.execute(guarded(name, job));
        return this;
    }

    /** Runs {@code job} every {@code period}, the first time after {@code first}. */
    public BackgroundJobs every(Duration period, Duration first, String name, Runnable job) {
        thread.scheduleWithFixedDelay(guarded(name, job), first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
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
