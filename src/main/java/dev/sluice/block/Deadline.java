package dev.sluice.block;

import java.time.Duration;

/**
 * The time budget of one pipe run, on the monotonic clock.
 *
 * <p>Two instants matter. At the <em>cut-off</em> everything that waits on the outside world gives
 * up: fetches, politeness pauses. A block whose fetch gave up fails at once, so the blocks
 * downstream of it run on what did complete, in the time left. At the <em>end</em> every in-block
 * check ({@link #check()}) throws and the engine stops waiting for unfinished blocks, so even a
 * block that was busy (a huge regex loop) stops. The gap between the two (the reserve) is what
 * lets a run return its partial result within the plan limit instead of merely "soon after".
 */
public final class Deadline {
    /** Part of the limit kept back for downstream blocks after the cut-off. */
    static final long MAX_RESERVE_NANOS = Duration.ofMillis(200).toNanos();

    private final long startNanos;
    private final long cutoffNanos;
    private final long endNanos;

    private Deadline(long startNanos, long limitNanos) {
        long reserve = Math.min(MAX_RESERVE_NANOS, limitNanos / 10);
        this.startNanos = startNanos;
        this.endNanos = startNanos + limitNanos;
        this.cutoffNanos = endNanos - reserve;
    }

    /** A deadline {@code limit} from now. */
    public static Deadline in(Duration limit) {
        return new Deadline(System.nanoTime(), limit.toNanos());
    }

    /** Time left until the cut-off: the budget for fetches and for waiting on upstream blocks. */
    public Duration untilCutoff() {
        return Duration.ofNanos(Math.max(0, cutoffNanos - System.nanoTime()));
    }

    /** Time left until the end. */
    public Duration untilEnd() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public Duration limit() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    public boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** Throws {@link DeadlineExceeded} when the run's time is up, or the thread was interrupted. */
    public void check() {
        if (passed() || Thread.currentThread().isInterrupted()) {
            throw new DeadlineExceeded("Run limit of " + limit().toMillis() + " ms reached");
        }
    }
}
