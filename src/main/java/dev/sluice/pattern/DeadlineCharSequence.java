package dev.sluice.pattern;

import dev.sluice.block.Deadline;

/**
 * The text a backtracking {@code java.util.regex} match reads, checking the run's deadline every
 * few thousand characters read. A catastrophic pattern reads characters all the time, so it
 * stops within microseconds of the deadline with {@link dev.sluice.block.DeadlineExceeded},
 * instead of running on for minutes (Pipes CE: 28 s for one title). Not thread-safe: one per match.
 */
final class DeadlineCharSequence implements CharSequence {
    /** How many reads between two deadline checks: a check costs about one {@code nanoTime}. */
    static final int READS_PER_CHECK = 4096;

    private final String text;
    private final Deadline deadline;
    private int readsLeft = READS_PER_CHECK;

    DeadlineCharSequence(String text, Deadline deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
        if (--readsLeft <= 0) {
            readsLeft = READS_PER_CHECK;
            deadline.check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
