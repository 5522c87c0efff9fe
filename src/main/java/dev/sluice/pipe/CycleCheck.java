package dev.sluice.pipe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds a cycle among the links of one pipe (inputs and text inputs alike), iteratively. */
final class CycleCheck {
    private enum Mark { VISITING, DONE }

    private final Map<String, BlockSpec> byId;
    private final Map<String, Mark> marks = new HashMap<>();

    CycleCheck(Map<String, BlockSpec> byId) {
        this.byId = byId;
    }

    /** The ids along the first cycle found, first id repeated at the end; empty when acyclic. */
    Optional<List<String>> firstCycle() {
        for (String start : byId.keySet()) {
            Optional<List<String>> cycle = walk(start);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    /** Depth-first walk with an explicit stack, so a 300-block chain cannot overflow the thread stack. */
    private Optional<List<String>> walk(String start) {
        if (marks.containsKey(start)) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        path.add(start);
        next.add(0);
        marks.put(start, Mark.VISITING);
        while (!path.isEmpty()) {
            int top = path.size() - 1;
            List<String> upstream = upstreamOf(path.get(top));
            int i = next.get(top);
            if (i >= upstream.size()) {
                marks.put(path.remove(top), Mark.DONE);
                next.remove(top);
                continue;
            }
            next.set(top, i + 1);
            String up = upstream.get(i);
            Mark mark = marks.get(up);
            if (mark == Mark.VISITING) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(up), path.size()));
                cycle.add(up);
                return Optional.of(cycle);
            }
            if (mark == null && byId.containsKey(up)) {
                marks.put(up, Mark.VISITING);
                path.add(up);
                next.add(0);
            }
        }
        return Optional.empty();
    }

    private List<String> upstreamOf(String id) {
        BlockSpec b = byId.get(id);
        List<String> ups = new ArrayList<>();
        for (Link l : b.inputs()) {
            if (l.connected()) {
                ups.add(l.from());
            }
        }
        for (Link l : b.textinputs()) {
            if (l.connected()) {
                ups.add(l.from());
            }
        }
        return ups;
    }
}
