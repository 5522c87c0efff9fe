package dev.sluice.block;

import java.time.Duration;

/**
 * The time budget of one pipe run, on the monotonic clock.
 *
 * <p>Two instants matter. The <em>cut-off</em> comes a little before the <em>end</em> (the gap,
 * the reserve, is at most 200 ms). Everything that started before the cut-off must stop at the
 * cut-off: fetches, politeness pauses, and the item loops of busy blocks ({@link #check()}).
 * What starts after it — the blocks downstream of a failed or stopped one, running on what did
 * complete — may use the reserve, up to the end. That is how a run returns its partial result
 * within the plan limit instead of merely "soon after". {@link #forBlockStartingNow()} gives each
 * block the right view.
 */
public final class Deadline {
    /** Part of the limit kept back for downstream blocks after the cut-off. */
    static final long MAX_RESERVE_NANOS = Duration.ofMillis(200).toNanos();

    private final long startNanos;
    private final long cutoffNanos;
    private final long endNanos;
    /** When {@link #check()} starts throwing for this view. */
    private final long checkNanos;

    private Deadline(long startNanos, long cutoffNanos, long endNanos, long checkNanos) {
        this.startNanos = startNanos;
        this.cutoffNanos = cutoffNanos;
        this.endNanos = endNanos;
        this.checkNanos = checkNanos;
    }

    /** A deadline {@code limit} from now. */
    public static Deadline in(Duration limit) {
        long start = System.nanoTime();
        long limitNanos = limit.toNanos();
        long end = start + limitNanos;
        long cutoff = end - Math.min(MAX_RESERVE_NANOS, limitNanos / 10);
        return new Deadline(start, cutoff, end, cutoff);
    }

    /**
     * The view of a block that starts now: checked against the cut-off if it starts before it,
     * against the end if it starts after (it then runs on inputs that are already complete).
     */
    public Deadline forBlockStartingNow() {
        long check = System.nanoTime() - cutoffNanos < 0 ? cutoffNanos : endNanos;
        return new Deadline(startNanos, cutoffNanos, endNanos, check);
    }

    /** Time left until the cut-off: the budget for fetches and other waits on the outside world. */
    public Duration untilCutoff() {
        return Duration.ofNanos(Math.max(0, cutoffNanos - System.nanoTime()));
    }

    /** Time left in this view: until {@link #check()} starts throwing. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, checkNanos - System.nanoTime()));
    }

    /** Whether the cut-off has passed. */
    public boolean pastCutoff() {
        return System.nanoTime() - cutoffNanos >= 0;
    }

    /** Time left until the end: how long the engine still waits for unfinished blocks. */
    public Duration untilEnd() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public Duration limit() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** Whether this view's time is up ({@link #check()} would throw). */
    public boolean passed() {
        return System.nanoTime() - checkNanos >= 0;
    }

    /** Throws {@link DeadlineExceeded} when this view's time is up, or the thread was interrupted. */
    public void check() {
        if (passed() || Thread.currentThread().isInterrupted()) {
            throw new DeadlineExceeded("run limit of " + limit().toMillis() + " ms reached");
        }
    }
}
