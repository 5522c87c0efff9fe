package dev.sluice.block;

import dev.sluice.feed.Feed;
import java.util.ArrayList;
import java.util.List;

/**
 * One invocation of a block: which block (for messages), its options after text overrides, and
 * the values on its input slots in slot order ({@code null} for an unconnected slot; an upstream
 * that failed delivers an empty feed, and the engine has recorded its error).
 */
public record BlockCall(String blockId, String blockName, Options options, List<Value> inputs) {

    public BlockCall {
        inputs = java.util.Collections.unmodifiableList(new ArrayList<>(inputs));
    }

    /** The feed on input {@code slot}, or an empty feed when unconnected or not a feed. */
    public Feed feed(int slot) {
        Value v = slot < inputs.size() ? inputs.get(slot) : null;
        return v instanceof Value.Items items ? items.feed() : Feed.EMPTY;
    }

    /** The feeds on all connected feed inputs, in slot order. */
    public List<Feed> feeds() {
        List<Feed> feeds = new ArrayList<>();
        for (Value v : inputs) {
            if (v instanceof Value.Items items) {
                feeds.add(items.feed());
            }
        }
        return feeds;
    }
}
