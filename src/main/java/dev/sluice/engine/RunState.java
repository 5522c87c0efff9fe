package dev.sluice.engine;

import dev.sluice.block.Deadline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;

/**
 * What all blocks of one run share, including those of its sub-pipes: the deadline, the
 * executor whose virtual threads run the blocks, the request, and the errors and traces so far.
 */
final class RunState {
    final Engine engine;
    final RunRequest request;
    final Deadline deadline;
    final ExecutorService executor;
    private final ConcurrentLinkedQueue<RunError> errors = new ConcurrentLinkedQueue<>();
    private final Map<String, BlockTrace> traces = new ConcurrentHashMap<>();

    RunState(Engine engine, RunRequest request, Deadline deadline, ExecutorService executor) {
        this.engine = engine;
        this.request = request;
        this.deadline = deadline;
        this.executor = executor;
    }

    void error(RunError error) {
        errors.add(error);
    }

    void trace(BlockTrace trace) {
        traces.put(trace.blockId(), trace);
    }

    /** The errors so far, one per block and kind (a block that timed out is reported once). */
    List<RunError> errors() {
        Set<String> seen = new HashSet<>();
        List<RunError> out = new ArrayList<>();
        for (RunError e : errors) {
            if (seen.add(e.blockId() + '\u0000' + e.kind() + '\u0000' + (e.kind() == RunError.Kind.WARNING ? e.message() : ""))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Traces of the top-level plan's blocks, in plan order. */
    List<BlockTrace> traces(Plan plan) {
        List<BlockTrace> out = new ArrayList<>();
        for (Node n : plan.nodes()) {
            BlockTrace t = traces.get(n.spec().id());
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
