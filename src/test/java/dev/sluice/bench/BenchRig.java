package dev.sluice.bench;

import dev.sluice.app.Sluice;
import dev.sluice.block.Blocks;
import dev.sluice.block.Value;
import dev.sluice.engine.CachingFeedDecoder;
import dev.sluice.engine.Engine;
import dev.sluice.engine.Plan;
import dev.sluice.engine.RunError;
import dev.sluice.engine.RunRequest;
import dev.sluice.engine.RunResult;
import dev.sluice.feed.FeedParser;
import dev.sluice.feed.Item;
import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.HttpDownloader;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.testing.BenchFeeds;
import dev.sluice.testing.BenchServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An engine wired as the app wires it ({@link Sluice}): a real {@link HttpDownloader} that may
 * reach loopback and does not space requests to a host (the engine figures), and the
 * caching feed decoder. A new rig has cold caches; reusing one keeps them warm.
 */
final class BenchRig implements AutoCloseable {
    /** The free plan's run limit, which every bench run gets. */
    static final Duration FREE_LIMIT = Duration.ofSeconds(10);
    /** What the bench README says each workload returns. */
    static final Map<String, Integer> EXPECTED_ITEMS = Map.of("P1", 15, "P2", 50, "P3", 1_700);
    private static final RunRequest REQUEST = new RunRequest(null, Map.of(), FREE_LIMIT, PipeReferences.NONE);

    private final HttpDownloader downloader;
    private final Engine engine;

    BenchRig() {
        FetchConfig fetch = FetchConfig.defaults(FetchConfig.userAgent(Sluice.VERSION, "http://localhost/"))
                .withAllowPrivateNetworks(true)
                .withHostSpacing(Duration.ZERO);
        downloader = new HttpDownloader(fetch, InstantSource.system());
        engine = new Engine(Blocks.registry(), downloader, new CachingFeedDecoder(new FeedParser()), InstantSource.system());
    }

    /** Parses, validates and compiles bench pipe {@code name} ("P1", "P2", …) against {@code server}. */
    Plan compile(String name, BenchServer server) {
        try {
            PipeDoc doc = PipeCodec.parse(BenchFeeds.pipe(name, server));
            engine.validator().validate(doc, null, PipeReferences.NONE);
            return engine.compile(doc, PipeDoc.ROOT_ID);
        } catch (PipeFormatException e) {
            throw new IllegalStateException("Bench pipe " + name + " does not validate: " + e.getMessage(), e);
        }
    }

    /** One full run with the free plan's limit, as a saved pipe's feed request would do it. */
    RunResult run(Plan plan) {
        return engine.run(plan, REQUEST);
    }

    static List<Item> items(RunResult result) {
        return result.output() instanceof Value.Items items ? items.feed().items() : List.of();
    }

    /**
     * Fails loudly unless the run is complete and returned the items the bench README expects: a benchmark
     * of a run that silently failed (refused fetch, wrong port) would measure nothing.
     */
    static List<Item> requireItems(String pipe, RunResult result) {
        int expected = EXPECTED_ITEMS.get(pipe);
        List<Item> items = items(result);
        if (!result.complete() || items.size() != expected) {
            throw new IllegalStateException(pipe + ": expected " + expected + " items from a complete run, got "
                    + items.size() + (result.errors().isEmpty() ? "" : "; errors: " + describe(result.errors())));
        }
        return items;
    }

    static String describe(List<RunError> errors) {
        return errors.isEmpty() ? "none" : errors.stream().map(RunError::describe).collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        downloader.close();
    }
}
