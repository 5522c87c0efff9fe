package dev.sluice.bench;

import dev.sluice.feed.Feed;
import dev.sluice.feed.FeedParseException;
import dev.sluice.feed.FeedParser;
import dev.sluice.testing.BenchFeeds;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one bench feed from its bytes, with a warm JIT: the part of a cold run that is
 * neither waiting for the upstream nor running blocks. Explains the cold figures (P2 parses
 * F1…F4, 1.27 MB; P3 parses F1…F8, 2.54 MB, on two cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeedParseBenchmark {
    @Param({"F1.xml", "F4.xml", "A1.xml"})
    public String file;

    private final FeedParser parser = new FeedParser();
    private byte[] body;

    @Setup
    public void read() {
        body = BenchFeeds.feed(file);
    }

    @Benchmark
    public Feed parse() throws FeedParseException {
        return parser.parse(body, "application/xml; charset=utf-8", "http://127.0.0.1/" + file);
    }
}
