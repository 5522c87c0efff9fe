package dev.sluice.pattern;

import dev.sluice.block.BlockError;

/**
 * A pattern or replacement the user must fix: invalid syntax (with the position of the problem),
 * too long, a replacement naming a group the pattern lacks. A {@link BlockError}, so a block can
 * let it propagate and the engine shows the message as the block's error.
 */
public final class PatternError extends BlockError {
    public PatternError(String message) {
        super(message);
    }
}
