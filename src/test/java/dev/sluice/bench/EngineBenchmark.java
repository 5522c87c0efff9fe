package dev.sluice.bench;

import dev.sluice.engine.Plan;
import dev.sluice.engine.RunResult;
import dev.sluice.feed.Item;
import dev.sluice.testing.BenchServer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * "Engine only" (P2 ≤ 2 ms median per run on 2 cores): the upstream feeds sit in the
 * download cache, nothing else is cached, and every invocation is a full {@code Engine.run} of
 * the compiled plan — executor, virtual threads, blocks, trace. SampleTime gives p50 and p99;
 * run with {@code -prof gc} for the allocation per run (gc.alloc.rate.norm).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class EngineBenchmark {
    /** The newest item of F1…F4, which P2 must put first. */
    static final Instant P2_NEWEST = Instant.parse("2024-06-30T11:20:09Z");

    @Param({"P1", "P2"})
    public String pipe;

    private BenchServer server;
    private BenchRig rig;
    private Plan plan;

    @Setup(Level.Trial)
    public void warmUp() {
        server = new BenchServer();
        rig = new BenchRig();
        plan = rig.compile(pipe, server);
        List<Item> items = BenchRig.requireItems(pipe, rig.run(plan));
        if (pipe.equals("P2") && !P2_NEWEST.equals(items.get(0).date())) {
            throw new IllegalStateException("P2: first item dated " + items.get(0).date() + ", expected " + P2_NEWEST);
        }
    }

    @Benchmark
    public RunResult warmRun() {
        return rig.run(plan);
    }

    /** Every measured run must have been served from the download cache: one upstream request per feed. */
    @TearDown(Level.Trial)
    public void checkCacheStayedWarm() {
        try {
            BenchRig.requireItems(pipe, rig.run(plan));
            for (String feed : List.of("F1.xml", "F2.xml", "F3.xml", "F4.xml")) {
                int hits = server.hits(feed);
                if (hits > 1) {
                    throw new IllegalStateException(feed + " was fetched " + hits + " times: the warm runs were not warm");
                }
            }
        } finally {
            rig.close();
            server.close();
        }
    }
}
