package dev.sluice.pipe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipe definition: its blocks, the root of which has the id {@code "output"}.
 *
 * @param extra top-level keys Sluice does not know (kept on save)
 */
public record PipeDoc(List<BlockSpec> blocks, ObjectNode extra) {
    public static final String ROOT_ID = "output";

    public PipeDoc {
        blocks = List.copyOf(blocks);
    }

    /** Blocks by id; on duplicate ids the first wins (the validator reports duplicates). */
    public Map<String, BlockSpec> byId() {
        Map<String, BlockSpec> map = new LinkedHashMap<>();
        for (BlockSpec b : blocks) {
            map.putIfAbsent(b.id(), b);
        }
        return map;
    }

    public Optional<BlockSpec> root() {
        return blocks.stream().filter(b -> ROOT_ID.equals(b.id())).findFirst();
    }
}
