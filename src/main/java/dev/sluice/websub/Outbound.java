package dev.sluice.websub;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's work that talks to other servers (verifications, deliveries, pings), off the request
 * path: a few threads with a bounded queue — when it is full new work is dropped and logged,
 * never queued without end — and retries after growing pauses on a timer, so a slow or failing
 * subscriber holds no thread while it waits.
 */
final class Outbound implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);
    static final int THREADS = 4;
    static final int QUEUE = 10_000;

    /** What one try came to. */
    enum Attempt { DONE, RETRY, GIVE_UP }

    private final List<Duration> backoff;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), Thread.ofPlatform().name("sluice-websub-", 0).daemon().factory());
    /** One thread, first come first served: for work whose order matters. */
    private final ThreadPoolExecutor inOrder = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), Thread.ofPlatform().name("sluice-websub-changes").daemon().factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sluice-websub-timer").daemon().factory());

    /** @param backoff the pauses before each retry: as many retries as pauses */
    Outbound(List<Duration> backoff) {
        this.backoff = List.copyOf(backoff);
        pool.allowCoreThreadTimeOut(true);
        inOrder.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code task} after every task submitted here before it, one at a time; false (and
     * logged) when the queue is full or the hub is closing.
     */
    boolean submitInOrder(String what, Runnable task) {
        return submit(inOrder, what, task);
    }

    /** Runs {@code task} on the pool; false (and logged) when the queue is full or the hub is closing. */
    boolean submit(String what, Runnable task) {
        return submit(pool, what, task);
    }

    private static boolean submit(ThreadPoolExecutor executor, String what, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("WebSub: {} failed: {}", what, e.toString());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("WebSub: {} dropped: {} tasks are waiting already", what, executor.getQueue().size());
            WebSubMetrics.dropped();
            return false;
        }
    }

    /**
     * Tries {@code attempt} until it is done or gives up, pausing between tries; when the pauses
     * run out (or the work cannot be queued) {@code onGiveUp} runs.
     */
    void retrying(String what, Supplier<Attempt> attempt, Runnable onGiveUp) {
        if (!submit(what, () -> run(what, attempt, onGiveUp, 0))) {
            onGiveUp.run();
        }
    }

    private void run(String what, Supplier<Attempt> attempt, Runnable onGiveUp, int tried) {
        Attempt outcome = attempt.get();
        if (outcome == Attempt.RETRY && tried < backoff.size()) {
            try {
                timer.schedule(() -> {
                    if (!submit(what, () -> run(what, attempt, onGiveUp, tried + 1))) {
                        onGiveUp.run();
                    }
                }, backoff.get(tried).toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("WebSub: {} not retried: the hub is closing", what);
            }
        } else if (outcome != Attempt.DONE) {
            onGiveUp.run();
        }
    }

    /** Stops at once: work in flight is interrupted, waiting retries are dropped (subscribers get the next change). */
    @Override
    public void close() {
        timer.shutdownNow();
        inOrder.shutdownNow();
        pool.shutdownNow();
        try {
            inOrder.awaitTermination(2, TimeUnit.SECONDS);
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
