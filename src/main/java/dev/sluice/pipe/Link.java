package dev.sluice.pipe;

/**
 * One entry of a block's {@code inputs} or {@code textinputs}: the block it comes from and that
 * block's output slot. An unconnected slot ({@code {}} in JSON) is represented by {@link #NONE}.
 */
public record Link(String from, int fromOutputSlot) {
    public static final Link NONE = new Link(null, 0);

    public boolean connected() {
        return from != null && !from.isEmpty();
    }
}
