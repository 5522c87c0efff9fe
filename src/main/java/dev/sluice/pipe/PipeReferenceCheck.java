package dev.sluice.pipe;

import dev.sluice.pipe.PipeFormatException.Problem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the Pipe blocks of a pipe: each must name a pipe the owner may read, and following
 * Pipe blocks from pipe to pipe must never come back to a pipe already on the path.
 */
final class PipeReferenceCheck {
    /** How deep sub-pipes may nest; deeper is refused like a cycle (it would only be slow). */
    static final int MAX_DEPTH = 16;

    private final PipeReferences refs;

    PipeReferenceCheck(PipeReferences refs) {
        this.refs = refs;
    }

    void check(PipeDoc doc, String selfId, List<Problem> problems) {
        Deque<String> path = new ArrayDeque<>();
        if (selfId != null) {
            path.push(selfId);
        }
        for (BlockSpec b : doc.blocks()) {
            if (!PipeValidator.PIPE_BLOCK.equals(b.type())) {
                continue;
            }
            String target = b.userinputs().isEmpty() ? "" : b.userinputs().get(0).asText().strip();
            if (target.isEmpty()) {
                problems.add(Problem.ofBlock(b, "no pipe chosen"));
                continue;
            }
            String problem = follow(target, path, new HashSet<>());
            if (problem != null) {
                problems.add(Problem.ofBlock(b, problem));
            }
        }
    }

    /** Walks into {@code target}; returns a problem description or null. */
    private String follow(String target, Deque<String> path, Set<String> checked) {
        if (path.contains(target)) {
            return "pipe \"" + target + "\" includes itself through Pipe blocks (a cycle)";
        }
        if (path.size() >= MAX_DEPTH) {
            return "sub-pipes nest deeper than " + MAX_DEPTH + " levels";
        }
        if (!checked.add(target)) {
            return null;
        }
        Optional<PipeDoc> sub = refs.readable(target);
        if (sub.isEmpty()) {
            return "pipe \"" + target + "\" does not exist or is not readable by this pipe's owner";
        }
        path.push(target);
        try {
            for (BlockSpec b : sub.get().blocks()) {
                if (PipeValidator.PIPE_BLOCK.equals(b.type()) && !b.userinputs().isEmpty()) {
                    String problem = follow(b.userinputs().get(0).asText().strip(), path, checked);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        } finally {
            path.pop();
        }
    }
}
