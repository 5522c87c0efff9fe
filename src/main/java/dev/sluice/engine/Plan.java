package dev.sluice.engine;

import java.util.List;

/**
 * A pipe compiled for running: the blocks reachable from the target (usually the output), in
 * dependency order, so that every node comes after the nodes it reads. Immutable and shared by
 * all runs of the same pipe version.
 */
public record Plan(List<Node> nodes, Node target) {
    public Plan {
        nodes = List.copyOf(nodes);
    }

    public String targetId() {
        return target.spec().id();
    }
}
