package dev.sluice.block;

/** Thrown by {@link Deadline#check()} once the run's time is up; the engine records a timeout. */
public final class DeadlineExceeded extends BlockError {
    public DeadlineExceeded(String message) {
        super(message);
    }
}
