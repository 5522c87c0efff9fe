package dev.sluice.block;

import dev.sluice.feed.Feed;

/**
 * What a block produces and its consumers receive. Feed-type ports carry {@link Items}, text
 * connectors carry {@link Text}. The data blocks add their own kinds here.
 */
public sealed interface Value permits Value.Items, Value.Text {

    /** A feed: items plus channel metadata. */
    record Items(Feed feed) implements Value {
        public static final Items EMPTY = new Items(Feed.EMPTY);
    }

    /** A string, as produced by a Text Input block for a text connector. */
    record Text(String text) implements Value {
    }

    /** The kind of a port: what a connection may carry. */
    enum Kind { FEED, TEXT }
}
