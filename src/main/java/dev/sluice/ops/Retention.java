package dev.sluice.ops;

import dev.sluice.store.ExpiredRows;
import dev.sluice.store.Sweep;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job: deletes expired rows of every {@link Sweep} in small batches, each batch its own short transaction with a pause between, so requests never
 * wait long behind it. SQLite reuses the freed pages; the file is never VACUUMed (that would
 * hold the database for the whole copy); PostgreSQL's autovacuum does the same for its tables.
 */
public final class Retention implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** Rows deleted per transaction. */
    public static final int BATCH = 500;
    /** How often the job runs. */
    public static final Duration EVERY = Duration.ofMinutes(30);

    private final ExpiredRows rows;
    private final InstantSource clock;
    private final List<Sweep> sweeps;
    private final int batchSize;
    private final Duration pause;

    /**
     * @param batchSize rows deleted per transaction ({@link #BATCH})
     * @param pause     the rest between two batches, letting writers in
     */
    public Retention(ExpiredRows rows, InstantSource clock, List<Sweep> sweeps, int batchSize, Duration pause) {
        this.rows = rows;
        this.clock = clock;
        this.sweeps = List.copyOf(sweeps);
        this.batchSize = batchSize;
        this.pause = pause;
    }

    /** One pass over every sweep: how many rows each deleted. */
    public Map<String, Integer> runOnce() throws InterruptedException {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (Sweep sweep : sweeps) {
            long cutoff = clock.millis() - sweep.keep().toMillis();
            int total = 0;
            int batch;
            do {
                batch = deleteBatch(sweep, cutoff);
                total += batch;
                if (batch == batchSize) {
                    Thread.sleep(pause.toMillis());
                }
            } while (batch == batchSize);
            deleted.put(sweep.name(), total);
        }
        return deleted;
    }

    private int deleteBatch(Sweep sweep, long cutoff) {
        return rows.deleteBatch(sweep, cutoff, batchSize);
    }

    /** One pass as a background job (BackgroundJobs logs a failure and runs it again later). */
    @Override
    public void run() {
        try {
            Map<String, Integer> deleted = runOnce();
            if (deleted.values().stream().anyMatch(n -> n > 0)) {
                LOG.info("Retention deleted {}", deleted);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the next start's pass finishes the job
        }
    }
}
