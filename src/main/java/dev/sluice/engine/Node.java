package dev.sluice.engine;

import dev.sluice.block.BlockType;
import dev.sluice.block.Options;
import dev.sluice.pipe.BlockSpec;
import java.util.List;

/**
 * A block of a compiled plan, wired to the nodes that feed it.
 *
 * @param index      position in {@link Plan#nodes()}, which is in dependency order
 * @param inputs     per input slot the upstream node, or null when the slot is unconnected
 * @param textInputs per option index the Text node overriding it, or null
 */
public record Node(int index, BlockSpec spec, BlockType type, Options options, List<Node> inputs, List<Node> textInputs) {
}
