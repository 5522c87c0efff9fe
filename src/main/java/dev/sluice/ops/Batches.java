package dev.sluice.ops;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Deleting in small batches, each its own short transaction, with a rest between them so the
 * requests' writers get the database in between (retention jobs never hold it for long).
 */
public final class Batches {
    private Batches() {
    }

    /**
     * Calls {@code batch} (which deletes up to {@code size} rows and says how many) until a batch
     * deletes fewer than {@code size}, resting {@code pause} between batches; answers the rows
     * deleted. An interrupt ends it early with what was deleted so far.
     */
    public static int deleteAll(IntSupplier batch, int size, Duration pause) {
        int total = 0;
        while (true) {
            int deleted = batch.getAsInt();
            total += deleted;
            if (deleted < size) {
                return total;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            }
        }
    }
}
