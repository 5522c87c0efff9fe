package dev.sluice.hook;

import dev.sluice.ops.Batches;
import dev.sluice.store.HookEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook retention job: per hook, keeps the newest {@code keepEvents} events and
 * none older than {@code keepFor}; events of hooks no saved pipe has any more go entirely. It
 * deletes in batches of {@link #BATCH} rows, each its own short transaction with a pause between,
 * so incoming events are never held up behind a long clean-up. Space is reused by SQLite; the
 * file is never VACUUMed (that would lock the database for the whole copy).
 */
public final class HookRetention implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HookRetention.class);
    /** Rows deleted per transaction. */
    public static final int BATCH = 200;
    /** How often the job runs. */
    public static final Duration EVERY = Duration.ofMinutes(10);

    private final HookEvents events;
    private final HookLimits limits;
    private final InstantSource clock;
    private final Duration pause;

    /** @param pause the rest between two batches, letting writers in */
    public HookRetention(HookEvents events, HookLimits limits, InstantSource clock, Duration pause) {
        this.events = events;
        this.limits = limits;
        this.clock = clock;
        this.pause = pause;
    }

    /** What one pass deleted. */
    public record Pass(int expired, int beyondNewest, int orphaned) {
        public int total() {
            return expired + beyondNewest + orphaned;
        }
    }

    /** One pass over every hook with events. */
    public Pass runOnce() {
        Instant cutoff = clock.instant().minus(limits.keepFor());
        int expired = 0;
        int beyond = 0;
        int orphaned = 0;
        for (Map.Entry<String, Boolean> hook : events.hooksWithEvents().entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the next start's pass finishes the job
            }
            String id = hook.getKey();
            if (!hook.getValue()) {
                orphaned += inBatches(() -> events.deleteAllOf(id, BATCH));
                continue;
            }
            expired += inBatches(() -> events.deleteOlderThan(id, cutoff, BATCH));
            beyond += inBatches(() -> events.deleteBeyondNewest(id, limits.keepEvents(), BATCH));
        }
        return new Pass(expired, beyond, orphaned);
    }

    /** Runs as a scheduled task: a failure is logged and the next run tries again. */
    @Override
    public void run() {
        try {
            Pass pass = runOnce();
            if (pass.total() > 0) {
                LOG.info("Webhook retention deleted {} events ({} expired, {} beyond the newest {}, {} of deleted hooks)",
                        pass.total(), pass.expired(), pass.beyondNewest(), limits.keepEvents(), pass.orphaned());
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook retention failed; it runs again in {} min", EVERY.toMinutes(), e);
        }
    }

    private int inBatches(java.util.function.IntSupplier batch) {
        return Batches.deleteAll(batch, BATCH, pause);
    }
}
