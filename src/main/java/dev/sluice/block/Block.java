package dev.sluice.block;

/**
 * A block: a small, stateless function of its inputs, options and the run context. Blocks check
 * {@link RunContext#deadline()} in their item loops and report problems by throwing
 * {@link BlockError} with a message meant for the user.
 */
@FunctionalInterface
public interface Block {
    Value run(BlockCall call, RunContext ctx);
}
