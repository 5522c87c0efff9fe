package dev.sluice.redis;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly, but not on every request, that one shared part has fallen back to this node alone
 * because Redis does not answer, and says when it is shared again. After a failure the part
 * leaves Redis alone for a few seconds ({@link #resting()}): a Redis that is up but silent would
 * otherwise cost every request a command timeout.
 */
final class Outage {
    private static final Logger LOG = LoggerFactory.getLogger(Outage.class);
    /** Between two warnings about the same part, so an outage does not flood the log. */
    static final long REPEAT_NANOS = 30_000_000_000L;
    /** How long after a failure Redis is not asked at all. */
    static final long REST_NANOS = 3_000_000_000L;

    private final String part;
    private final Redis redis;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - REPEAT_NANOS);
    private volatile long failedAt;

    /** @param part what falls back, as a user would name it ("the download cache") */
    Outage(String part, Redis redis) {
        this.part = part;
        this.redis = redis;
    }

    void failed(Throwable e) {
        if (redis.closed()) {
            return; // writes cut short by this node's own shutdown
        }
        long now = System.nanoTime();
        failedAt = now;
        down.set(true);
        long last = lastWarned.get();
        if (now - last >= REPEAT_NANOS && lastWarned.compareAndSet(last, now)) {
            LOG.warn("Redis at {} does not answer ({}): {} runs on this node alone until it does", redis.address(),
                    e.getMessage(), part);
        }
    }

    /** Whether to go without Redis for now: it failed moments ago. */
    boolean resting() {
        return down.get() && System.nanoTime() - failedAt < REST_NANOS;
    }

    void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("Redis at {} answers again: {} is shared with the other nodes again", redis.address(), part);
        }
    }
}
