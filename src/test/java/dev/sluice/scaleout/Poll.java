package dev.sluice.scaleout;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something another process does: polls with a generous limit instead of sleeping a guessed time. */
final class Poll {
    private Poll() {
    }

    /** Whether {@code condition} became true within {@code limit}, tried every 100 ms. */
    static boolean until(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
