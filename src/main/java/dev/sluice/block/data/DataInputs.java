package dev.sluice.block.data;

import dev.sluice.block.BlockCall;
import dev.sluice.block.Value;

/** Reading the data inputs of a block call. */
final class DataInputs {
    private DataInputs() {
    }

    /**
     * The data on input {@code slot}; an empty tree when the slot is unconnected or its upstream
     * failed (the engine has recorded that error already).
     */
    static Value.Data data(BlockCall call, int slot) {
        Value v = slot < call.inputs().size() ? call.inputs().get(slot) : null;
        return v instanceof Value.Data data ? data : DataTrees.empty();
    }
}
