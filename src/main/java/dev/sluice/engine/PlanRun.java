package dev.sluice.engine;

import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.Options;
import dev.sluice.block.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a plan: every node is a task on the run's virtual-thread executor that waits
 * for its inputs, then runs its block. Independent branches therefore run concurrently, and a
 * node shared by several consumers runs once. A failed or unfinished input reaches its consumers
 * as an empty value plus an error record, so the run returns whatever did complete.
 */
final class PlanRun {
    private static final Logger LOG = LoggerFactory.getLogger(PlanRun.class);
    /** How deep Pipe blocks may nest at run time (validation has the same bound). */
    static final int MAX_PIPE_DEPTH = 16;

    private final RunState state;
    private final Plan plan;
    /** The Pipe block this plan runs inside, or null for the top-level pipe. */
    private final Node parent;
    /** Stored pipes this plan runs inside, outermost first: a Pipe block may not reach back into them. */
    private final List<String> pipePath;
    private final Future<?>[] futures;
    private final AtomicBoolean[] timeoutReported;
    /** Per node: {@link #NOT_STARTED}, {@link #BEFORE_CUTOFF} or {@link #AFTER_CUTOFF} — when its block began. */
    private final AtomicIntegerArray started;
    static final int NOT_STARTED = 0;
    static final int BEFORE_CUTOFF = 1;
    static final int AFTER_CUTOFF = 2;
    /**
     * How long past the cut-off a consumer still waits for a block that began before it: a block
     * that honours the cut-off (a fetch giving up) hands over within this; one that does not (a
     * parse of a huge document) is left behind, so the run can still answer within its limit.
     */
    static final long CUTOFF_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    PlanRun(RunState state, Plan plan, Node parent, List<String> pipePath) {
        this.state = state;
        this.plan = plan;
        this.parent = parent;
        this.pipePath = List.copyOf(pipePath);
        this.futures = new Future<?>[plan.nodes().size()];
        this.timeoutReported = new AtomicBoolean[plan.nodes().size()];
        this.started = new AtomicIntegerArray(plan.nodes().size());
    }

    /** The stored pipe whose plan this is; null for an unsaved pipe (the editor's inspector). */
    String pipeId() {
        return pipePath.isEmpty() ? null : pipePath.get(pipePath.size() - 1);
    }

    /** Whether this plan is a stored pipe run by a Pipe block rather than the pipe asked for. */
    boolean inSubPipe() {
        return parent != null;
    }

    /** Submits every node, inputs first, and returns the target's future. */
    @SuppressWarnings("unchecked")
    Future<Value> start() {
        for (Node node : plan.nodes()) {
            timeoutReported[node.index()] = new AtomicBoolean();
            futures[node.index()] = state.executor.submit(() -> execute(node));
        }
        return (Future<Value>) futures[plan.target().index()];
    }

    /** Waits for the target until the run's end; an unfinished target counts as timed out. */
    Value await(Future<Value> target, long graceNanos) {
        return awaitNode(plan.target(), target, state.deadline.untilEnd().toNanos() + graceNanos);
    }

    private Value execute(Node node) {
        List<Value> inputs = new ArrayList<>(node.inputs().size());
        for (Node in : node.inputs()) {
            inputs.add(in == null ? null : awaitInput(in));
        }
        Options options = node.options();
        for (int i = 0; i < node.textInputs().size(); i++) {
            Node t = node.textInputs().get(i);
            if (t != null && awaitInput(t) instanceof Value.Text text) {
                options = options.with(i, text.text());
            }
        }
        NodeContext ctx = new NodeContext(state, this, node);
        started.set(node.index(), state.deadline.pastCutoff() ? AFTER_CUTOFF : BEFORE_CUTOFF);
        long start = System.nanoTime();
        Value out;
        String error = null;
        int itemsIn = 0;
        try {
            for (int slot = 0; slot < inputs.size(); slot++) {
                Value v = inputs.get(slot) == null ? null : Coercion.forBlock(inputs.get(slot), node.type(), state.engine.decoder(), ctx.deadline(), slot);
                inputs.set(slot, v);
                if (v instanceof Value.Items items) {
                    itemsIn += items.feed().items().size();
                }
            }
            out = node.type().block().run(new BlockCall(node.spec().id(), node.spec().name(), options, inputs), ctx);
        } catch (DeadlineExceeded e) {
            error = e.getMessage();
            report(node, RunError.Kind.TIMED_OUT, "timed out: " + e.getMessage());
            out = empty(node);
        } catch (BlockError e) {
            error = e.getMessage();
            report(node, RunError.Kind.FAILED, e.getMessage());
            out = empty(node);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("Block {} ({}) crashed", node.spec().id(), node.type().name(), e);
            error = "internal error: " + e.getClass().getSimpleName();
            report(node, RunError.Kind.FAILED, "internal error (" + e.getClass().getSimpleName() + "); this is a bug in Sluice");
            out = empty(node);
        }
        if (parent == null) {
            state.trace(ctx.trace(System.nanoTime() - start, itemsIn, out, error));
        }
        return out;
    }

    /**
     * An input's value. A block that began before the cut-off must stop at it (Deadline): it is
     * awaited until the cut-off and a short margin, then counted as timed out. One that began
     * after the cut-off runs on completed inputs and may use the reserve, up to the end.
     */
    private Value awaitInput(Node input) {
        Future<?> future = futures[input.index()];
        long untilEnd = state.deadline.untilEnd().toNanos();
        long untilCutoff = state.deadline.untilCutoff().toNanos() + CUTOFF_MARGIN_NANOS;
        if (untilCutoff < untilEnd) {
            try {
                future.get(untilCutoff, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (started.get(input.index()) == BEFORE_CUTOFF) {
                    return gaveUp(input, "timed out: still running at the run's cut-off, "
                            + state.deadline.elapsed().toMillis() + " ms into its " + state.deadline.limit().toMillis() + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return awaitNode(input, future, 0); // reported there
            } catch (ExecutionException e) {
                return awaitNode(input, future, 0); // reported there
            }
        }
        return awaitNode(input, future, state.deadline.untilEnd().toNanos());
    }

    /** An unfinished input, reported once as timed out and handed on empty. */
    private Value gaveUp(Node node, String message) {
        if (timeoutReported[node.index()].compareAndSet(false, true)) {
            report(node, RunError.Kind.TIMED_OUT, message);
        }
        return empty(node);
    }

    @SuppressWarnings("unchecked")
    private Value awaitNode(Node node, Future<?> future, long timeoutNanos) {
        try {
            return ((Future<Value>) future).get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (timeoutReported[node.index()].compareAndSet(false, true)) {
                report(node, RunError.Kind.TIMED_OUT, "timed out: did not finish within the run limit of "
                        + state.deadline.limit().toMillis() + " ms");
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return empty(node);
        } catch (ExecutionException e) {
            // execute() catches everything a block throws, so this is an engine bug; keep the run alive.
            LOG.error("Node {} failed unexpectedly", node.spec().id(), e.getCause());
            report(node, RunError.Kind.FAILED, "internal error; this is a bug in Sluice");
            return empty(node);
        }
    }

    /** Runs a stored pipe inside this one (a Pipe block), sharing the deadline and executor. */
    Value runSubPipe(String pipeId, Node pipeBlock) {
        if (pipeId == null || pipeId.isBlank()) {
            throw new BlockError("No pipe chosen");
        }
        if (pipePath.contains(pipeId)) {
            throw new BlockError("Pipe \"" + pipeId + "\" includes itself through Pipe blocks (a cycle)");
        }
        if (pipePath.size() >= MAX_PIPE_DEPTH) {
            throw new BlockError("Sub-pipes nest deeper than " + MAX_PIPE_DEPTH + " levels");
        }
        Plan subPlan = state.engine.compileSubPipe(pipeId, state.request.refs());
        List<String> path = new ArrayList<>(pipePath);
        path.add(pipeId);
        PlanRun sub = new PlanRun(state, subPlan, parent != null ? parent : pipeBlock, path);
        try {
            return sub.await(sub.start(), 0);
        } catch (RejectedExecutionException e) {
            throw new DeadlineExceeded("the run had already ended");
        }
    }

    void report(Node node, RunError.Kind kind, String message) {
        if (parent == null) {
            state.error(new RunError(node.spec().id(), displayName(node), kind, message));
        } else {
            state.error(new RunError(parent.spec().id(), displayName(parent) + " › " + displayName(node), kind, message));
        }
    }

    static String displayName(Node node) {
        String name = node.spec().name();
        return name == null || name.isBlank() ? node.type().label() : name;
    }

    static Value empty(Node node) {
        return switch (node.type().output()) {
            case TEXT -> new Value.Text("");
            case DATA -> new Value.Data(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "json");
            case FEED, DOCUMENT -> Value.Items.EMPTY;
        };
    }
}
