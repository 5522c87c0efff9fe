package dev.sluice.engine;

import dev.sluice.block.BlockRegistry;
import dev.sluice.block.BlockType;
import dev.sluice.block.Options;
import dev.sluice.pipe.BlockSpec;
import dev.sluice.pipe.Link;
import dev.sluice.pipe.PipeDoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated pipe into a {@link Plan}. A block used by several consumers becomes one node,
 * so it runs once per run; blocks not reachable from the target are left out.
 */
public final class PlanCompiler {
    private final BlockRegistry registry;

    public PlanCompiler(BlockRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param targetId the block whose output the run produces ("output" for the pipe's feed)
     * @throws IllegalArgumentException when the pipe was not validated first (unknown ids/types)
     */
    public Plan compile(PipeDoc doc, String targetId) {
        Map<String, BlockSpec> byId = doc.byId();
        BlockSpec target = byId.get(targetId);
        if (target == null) {
            throw new IllegalArgumentException("No block \"" + targetId + "\" in this pipe");
        }
        List<Node> ordered = new ArrayList<>();
        Node root = build(target, byId, new HashMap<>(), ordered);
        return new Plan(ordered, root);
    }

    /** Depth-first: inputs are added to {@code ordered} before the node itself. Validation ruled out cycles. */
    private Node build(BlockSpec spec, Map<String, BlockSpec> byId, Map<String, Node> built, List<Node> ordered) {
        Node existing = built.get(spec.id());
        if (existing != null) {
            return existing;
        }
        BlockType type = registry.find(spec.type())
                .orElseThrow(() -> new IllegalArgumentException("Unknown block type " + spec.type()));
        List<Node> inputs = new ArrayList<>();
        for (Link l : spec.inputs()) {
            inputs.add(l.connected() ? build(byId.get(l.from()), byId, built, ordered) : null);
        }
        Node[] texts = new Node[spec.textinputs().size()];
        for (int i = 0; i < texts.length; i++) {
            Link l = spec.textinputs().get(i);
            texts[i] = l.connected() ? build(byId.get(l.from()), byId, built, ordered) : null;
        }
        Node node = new Node(ordered.size(), spec, type, new Options(spec.userinputs()),
                java.util.Collections.unmodifiableList(inputs), Arrays.asList(texts));
        built.put(spec.id(), node);
        ordered.add(node);
        return node;
    }
}
