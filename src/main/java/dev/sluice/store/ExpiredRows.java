package dev.sluice.store;

/** Deletes rows that have expired, one small batch at a time. */
public interface ExpiredRows {

    /**
     * Deletes up to {@code batch} rows of {@code sweep} older than {@code cutoffMillis}, in one
     * short transaction; answers how many.
     */
    int deleteBatch(Sweep sweep, long cutoffMillis, int batch);
}
