package dev.sluice.engine;

import dev.sluice.block.Value;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one run: the target block's output (possibly partial), the errors met on the
 * way, and the per-block trace in plan order.
 */
public record RunResult(Value output, List<RunError> errors, List<BlockTrace> trace, Duration took) {
    public RunResult {
        errors = List.copyOf(errors);
        trace = List.copyOf(trace);
    }

    /** True when no block failed or timed out (warnings do not count): the output is complete. */
    public boolean complete() {
        return errors.stream().noneMatch(e -> e.kind() != RunError.Kind.WARNING);
    }

    public boolean timedOut() {
        return errors.stream().anyMatch(e -> e.kind() == RunError.Kind.TIMED_OUT);
    }
}
