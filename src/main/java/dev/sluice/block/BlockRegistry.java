package dev.sluice.block;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The block types Sluice can run, by their pipe-JSON type name. */
public final class BlockRegistry {
    private final Map<String, BlockType> types = new LinkedHashMap<>();

    public BlockRegistry(List<BlockType> types) {
        for (BlockType t : types) {
            if (this.types.putIfAbsent(t.name(), t) != null) {
                throw new IllegalArgumentException("Block type registered twice: " + t.name());
            }
        }
    }

    public Optional<BlockType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public Collection<BlockType> all() {
        return types.values();
    }
}
