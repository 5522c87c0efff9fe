package dev.sluice.feed;

import java.util.List;

/** A list of items plus channel metadata: what feed-type blocks exchange. Immutable. */
public record Feed(Channel channel, List<Item> items) {
    public Feed {
        channel = channel == null ? Channel.EMPTY : channel;
        items = List.copyOf(items);
    }

    public static final Feed EMPTY = new Feed(Channel.EMPTY, List.of());

    public Feed withItems(List<Item> newItems) {
        return new Feed(channel, newItems);
    }

    public Feed withChannel(Channel newChannel) {
        return new Feed(newChannel, items);
    }
}
