package dev.sluice.bench;

import dev.sluice.engine.Plan;
import dev.sluice.engine.RunResult;
import dev.sluice.testing.BenchServer;
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
 * Cold runs (P3 ≤ 400 ms wall): every measured run gets a new downloader and engine,
 * so nothing is cached — no downloads, no parsed feeds, no pooled connections — while the JVM
 * itself is warm, as on a server that has been up for a while. P3 reads eight feeds from the
 * slow server (200 ms before each answer) on eight loopback hosts; P1 and P2 read the fast one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class ColdRunBenchmark {
    @Param({"P1", "P2", "P3"})
    public String pipe;

    private BenchServer server;
    private BenchRig rig;
    private Plan plan;
    private RunResult result;

    @Setup(Level.Trial)
    public void startServer() {
        server = new BenchServer();
    }

    /** A new rig per run: cold caches. Compiling is not timed (plans are cached per pipe version). */
    @Setup(Level.Iteration)
    public void coldRig() {
        rig = new BenchRig();
        plan = rig.compile(pipe, server);
    }

    @Benchmark
    public RunResult coldRun() {
        result = rig.run(plan);
        return result;
    }

    @TearDown(Level.Iteration)
    public void checkAndDrop() {
        try {
            BenchRig.requireItems(pipe, result);
        } finally {
            rig.close();
        }
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        server.close();
    }
}
