package dev.sluice.engine;

import dev.sluice.block.BlockError;
import dev.sluice.feed.Feed;
import dev.sluice.fetch.Download;

/** Turns a downloaded document into a feed (parsing, with a cache); failures are {@link BlockError}s. */
@FunctionalInterface
public interface FeedDecoder {
    Feed decode(Download download);

    /** The feed already parsed from this download, or null: a cache hit needs no parse thread. */
    default Feed cached(Download download) {
        return null;
    }
}
