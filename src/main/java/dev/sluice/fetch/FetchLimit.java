package dev.sluice.fetch;

import java.time.Duration;

/**
 * The time one fetch may take: the caller's budget or the configured maximum, whichever is
 * shorter, as a {@link System#nanoTime()} deadline. It remembers which of the two it was, because
 * running out of the caller's budget says nothing about the upstream (not cached, not a host
 * failure) while running out of our own maximum does.
 */
record FetchLimit(long deadlineNanos, Duration total, boolean setByBudget) {

    static FetchLimit of(Duration budget, Duration maxFetchTime) {
        boolean byBudget = budget.compareTo(maxFetchTime) < 0;
        Duration total = byBudget ? (budget.isNegative() ? Duration.ZERO : budget) : maxFetchTime;
        return new FetchLimit(System.nanoTime() + total.toNanos(), total, byBudget);
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, remainingNanos()));
    }

    boolean passed() {
        return remainingNanos() <= 0;
    }

    /** For messages: "the 2 s left in the run" or "the fetch limit of 30 s". */
    String describe() {
        return setByBudget ? "the " + Human.duration(total) + " left in the run" : "the fetch limit of " + Human.duration(total);
    }
}
