package dev.sluice.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many pipe runs execute at once, overall and per user, so a
 * burst of slow pipes cannot take every thread or socket. A run that finds no room waits briefly,
 * then is refused with {@link Busy}; the web layer answers 503 with Retry-After. Only runs pass
 * through here: cached feeds, pages and webhooks never wait behind pipe runs.
 */
public final class Admission {
    /** What a refused caller is told to wait before trying again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Semaphore global;
    private final int perUser;
    private final Duration maxWait;
    /** Weak values: a user's semaphore lives while one of its permits is held, then may go. */
    private final Cache<String, Semaphore> users = Caffeine.newBuilder().weakValues().build();

    public Admission(int maxRuns, int maxRunsPerUser, Duration maxWait) {
        this.global = new Semaphore(maxRuns, true);
        this.perUser = maxRunsPerUser;
        this.maxWait = maxWait;
    }

    /** Takes a place for one run of {@code user}'s pipe; close the permit when the run ends. */
    public Permit enter(String user) throws Busy {
        return enter(user, "Too many runs of this account's pipes at once");
    }

    /**
     * As {@link #enter(String)}, for a key that is not one account's (visitors with no account
     * share one): {@code crowded} is what a caller refused for the key's share is told.
     */
    public Permit enter(String user, String crowded) throws Busy {
        Semaphore mine = users.get(user, k -> new Semaphore(perUser, true));
        long start = System.nanoTime();
        long deadline = start + maxWait.toNanos();
        try {
            if (!mine.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                AdmissionMetrics.refused("account");
                throw new Busy(crowded, RETRY_AFTER);
            }
            if (!global.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                mine.release();
                AdmissionMetrics.refused("server");
                throw new Busy("The server is running as many pipes as it may at once", RETRY_AFTER);
            }
            AdmissionMetrics.waited(System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("Interrupted while waiting to run", RETRY_AFTER);
        }
        return new Permit(mine, global);
    }

    /** Runs in progress (for metrics). */
    public int inFlight(int maxRuns) {
        return maxRuns - global.availablePermits();
    }

    /** A place taken; closing it frees the place. Idempotent. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore user;
        private final Semaphore global;
        private boolean closed;

        private Permit(Semaphore user, Semaphore global) {
            this.user = user;
            this.global = global;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                global.release();
                user.release();
            }
        }
    }

    /** No room for another run now; try again after {@code retryAfter}. */
    public static final class Busy extends Exception {
        private final Duration retryAfter;

        public Busy(String message, Duration retryAfter) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
