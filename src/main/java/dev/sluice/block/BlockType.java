package dev.sluice.block;

import java.util.List;

/**
 * Everything Sluice knows about one kind of block: its Pipes CE type name, where the palette
 * shows it, its options and ports, and the function that runs it. Each block class declares its
 * own {@code TYPE}; {@link BlockRegistry} collects them.
 *
 * @param name       the type name in pipe JSON, e.g. {@code "FilterBlock"}
 * @param label      the palette label, e.g. "Filter"
 * @param category   palette category: Inputs, Integrations, Manipulate, Control, Create, Data
 * @param help       one or two sentences for the palette and inspector
 * @param options    the {@code userinputs}, by index
 * @param feedInputs number of data input slots; {@link #GROWING} for blocks that take any number
 * @param output     what the block produces
 * @param block      the function
 * @param accepts    what its data inputs take (a document also connects where feeds or data are
 *                   taken: the engine parses it first)
 */
public record BlockType(
        String name,
        String label,
        String category,
        String help,
        List<OptionSpec> options,
        int feedInputs,
        Value.Kind output,
        Block block,
        java.util.Set<Value.Kind> accepts) {

    /** {@code feedInputs} of blocks like Combine, whose inputs grow as they fill. */
    public static final int GROWING = -1;

    public BlockType {
        options = List.copyOf(options);
        accepts = java.util.Set.copyOf(accepts);
    }

    /** A block whose inputs take feeds (most blocks). */
    public BlockType(String name, String label, String category, String help, List<OptionSpec> options,
                     int feedInputs, Value.Kind output, Block block) {
        this(name, label, category, help, options, feedInputs, output, block, java.util.Set.of(Value.Kind.FEED));
    }

    /** This type with inputs that take {@code kinds}. */
    public BlockType accepting(Value.Kind... kinds) {
        return new BlockType(name, label, category, help, options, feedInputs, output, block, java.util.Set.of(kinds));
    }
}
