package dev.sluice.feed;

import java.util.List;

/**
 * A list of items plus channel metadata: what feed-type blocks exchange. Immutable.
 *
 * @param sourceEntries how many entries the parsed document had (the inspector compares it with
 *                      the items); for feeds not parsed from a document, the item count
 */
public record Feed(Channel channel, List<Item> items, int sourceEntries) {
    public Feed {
        channel = channel == null ? Channel.EMPTY : channel;
        items = List.copyOf(items);
    }

    public Feed(Channel channel, List<Item> items) {
        this(channel, items, items.size());
    }

    public static final Feed EMPTY = new Feed(Channel.EMPTY, List.of());

    public Feed withItems(List<Item> newItems) {
        return new Feed(channel, newItems);
    }

    public Feed withChannel(Channel newChannel) {
        return new Feed(newChannel, items);
    }
}
