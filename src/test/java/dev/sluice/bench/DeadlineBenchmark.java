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
 * The deadline workloads: T1 (5 MiB, 3,659 items, one title that makes
 * {@code /(a+)+b/} backtrack exponentially) through that filter, with the free plan's 10 s limit.
 * PE trickles T1 at 1 KiB per 100 ms, so the fetch cannot finish and the run must still answer
 * within limit + 250 ms; PEfast serves it at once, so the figure is parse + filter (RE2/J is
 * linear). Each run is cold. Prints what each run returned; fails if PE did not time out or
 * PEfast did not complete.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class DeadlineBenchmark {
    @Param({"PE", "PEfast"})
    public String pipe;

    private BenchServer server;
    private BenchRig rig;
    private Plan plan;
    private RunResult result;
    private long startNanos;
    private long answerNanos;

    @Setup(Level.Trial)
    public void startServer() {
        server = new BenchServer();
    }

    @Setup(Level.Iteration)
    public void coldRig() {
        rig = new BenchRig();
        plan = rig.compile(pipe, server);
    }

    @Benchmark
    public RunResult run() {
        startNanos = System.nanoTime();
        result = rig.run(plan);
        answerNanos = System.nanoTime() - startNanos;
        return result;
    }

    @TearDown(Level.Iteration)
    public void reportAndDrop() {
        try {
            long ms = TimeUnit.NANOSECONDS.toMillis(answerNanos);
            long overLimit = ms - BenchRig.FREE_LIMIT.toMillis();
            System.out.printf("%n%s: answered after %d ms (limit %d ms, %+d ms), %d items, complete=%s, errors: %s%n",
                    pipe, ms, BenchRig.FREE_LIMIT.toMillis(), overLimit, BenchRig.items(result).size(),
                    result.complete(), BenchRig.describe(result.errors()));
            boolean expected = pipe.equals("PE") ? result.timedOut() : result.complete();
            if (!expected) {
                throw new IllegalStateException(pipe + (pipe.equals("PE") ? " did not time out" : " did not complete"));
            }
        } finally {
            rig.close();
        }
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        server.close();
    }
}
