package dev.sluice.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.block.BlockError;
import dev.sluice.feed.Feed;
import dev.sluice.feed.FeedParseException;
import dev.sluice.feed.FeedParser;
import dev.sluice.fetch.Download;

/**
 * Parses downloads into feeds, remembering the result per body. The key is the body array
 * itself, compared by identity (Caffeine's weak keys): the download cache hands out the same
 * array until the upstream changes, so a warm run finds its parsed feed without hashing or
 * parsing anything, and an entry disappears once the download cache lets go of its body.
 */
public final class CachingFeedDecoder implements FeedDecoder {
    private final FeedParser parser;
    private final Cache<byte[], Feed> parsed = Caffeine.newBuilder().weakKeys().maximumSize(5_000).build();

    public CachingFeedDecoder(FeedParser parser) {
        this.parser = parser;
    }

    @Override
    public Feed cached(Download download) {
        return parsed.getIfPresent(download.body());
    }

    @Override
    public Feed decode(Download download) {
        Feed cached = parsed.getIfPresent(download.body());
        if (cached != null) {
            return cached;
        }
        try {
            Feed feed = parser.parse(download.body(), download.contentType(), download.finalUrl());
            parsed.put(download.body(), feed);
            return feed;
        } catch (FeedParseException e) {
            throw new BlockError("Cannot read the feed at " + download.finalUrl() + ": " + e.getMessage());
        }
    }
}
