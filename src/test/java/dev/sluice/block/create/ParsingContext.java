package dev.sluice.block.create;

import dev.sluice.block.Deadline;
import dev.sluice.block.RunContext;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.FeedParseException;
import dev.sluice.feed.FeedParser;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Download;
import java.time.InstantSource;
import java.util.Optional;

/** A {@link TestContext} that also parses documents as feeds, with the real parser, as the engine does. */
final class ParsingContext implements RunContext {
    private final TestContext test = new TestContext();
    private final FeedParser parser = new FeedParser();

    @Override
    public Feed parseFeed(Download download) {
        try {
            return parser.parse(download.body(), download.contentType(), download.finalUrl());
        } catch (FeedParseException e) {
            throw new dev.sluice.block.BlockError(e.getMessage());
        }
    }

    @Override
    public Deadline deadline() {
        return test.deadline();
    }

    @Override
    public InstantSource clock() {
        return test.clock();
    }

    @Override
    public Download fetch(String url) {
        return test.fetch(url);
    }

    @Override
    public Optional<String> param(String name) {
        return test.param(name);
    }

    @Override
    public Value runPipe(String pipeId) {
        return test.runPipe(pipeId);
    }

    @Override
    public void dropped(Item item, String rule) {
        test.dropped(item, rule);
    }

    @Override
    public void warn(String message) {
        test.warn(message);
    }
}
