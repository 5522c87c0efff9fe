package dev.sluice.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a pipe, in words for its history: blocks added or removed
 * (by name and type), blocks whose options or connections changed, and a new title. Moving
 * blocks on the canvas is not a change worth listing. Blocks are matched by id, which the editor
 * keeps stable.
 */
public final class PipeDiff {
    private PipeDiff() {
    }

    /** The changes from {@code before} to {@code after}, in a stable order; empty when nothing that matters changed. */
    public static List<String> between(String titleBefore, PipeDoc before, String titleAfter, PipeDoc after) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(titleBefore, titleAfter)) {
            changes.add("Title changed from \"" + titleBefore + "\" to \"" + titleAfter + "\"");
        }
        Map<String, BlockSpec> old = before.byId();
        Map<String, BlockSpec> now = after.byId();
        now.values().stream().filter(b -> !old.containsKey(b.id())).forEach(b -> changes.add("Added " + describe(b)));
        old.values().stream().filter(b -> !now.containsKey(b.id())).forEach(b -> changes.add("Removed " + describe(b)));
        for (BlockSpec b : now.values()) {
            BlockSpec was = old.get(b.id());
            if (was == null) {
                continue;
            }
            if (!was.userinputs().equals(b.userinputs())) {
                changes.add("Changed the options of " + describe(b));
            }
            if (!was.inputs().equals(b.inputs()) || !was.textinputs().equals(b.textinputs())) {
                changes.add("Changed the connections of " + describe(b));
            }
            if (!Objects.equals(name(was), name(b))) {
                changes.add("Renamed " + describe(was) + " to \"" + name(b) + "\"");
            }
        }
        return changes;
    }

    /**
     * As {@link #between(String, PipeDoc, String, PipeDoc)} from stored JSON; a version that
     * cannot be read (saved by an older Sluice) is reported rather than failing the history.
     */
    public static List<String> between(String titleBefore, String jsonBefore, String titleAfter, String jsonAfter) {
        try {
            return between(titleBefore, PipeCodec.parse(jsonBefore), titleAfter, PipeCodec.parse(jsonAfter));
        } catch (PipeFormatException e) {
            return List.of("The changes cannot be listed: " + e.getMessage());
        }
    }

    private static String describe(BlockSpec b) {
        String name = name(b);
        return name.equals(b.type()) ? "block " + b.type() : "\"" + name + "\" (" + b.type() + ")";
    }

    private static String name(BlockSpec b) {
        return b.name() == null || b.name().isBlank() ? b.type() : b.name();
    }
}
