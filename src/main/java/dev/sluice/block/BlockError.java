package dev.sluice.block;

/**
 * A failure a user should read: "No feed URL", "Invalid pattern at 3: …". Blocks throw it; the
 * engine turns it into an error record of the run (never a stack trace to the user), and the
 * block's consumers get an empty input.
 */
public class BlockError extends RuntimeException {
    public BlockError(String message) {
        super(message, null, false, false);
    }

    public BlockError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
