package dev.sluice.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The engine's meters: runs by outcome with their durations, block durations by type,
 * and timeouts. Recorded on Micrometer's global registry, which the server exposes at
 * {@code /metrics} (ops.Prometheus); without a registry attached they cost next to nothing.
 */
final class RunMetrics {
    private static final MeterRegistry REGISTRY = Metrics.globalRegistry;
    private static final Meter.MeterProvider<Timer> RUNS = Timer.builder("sluice.run.duration")
            .description("Pipe runs by outcome (ok, errors, timed_out)").withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Timer> BLOCKS = Timer.builder("sluice.block.duration")
            .description("Block run time by block type").withRegistry(REGISTRY);
    private static final Counter TIMEOUTS = Counter.builder("sluice.run.timeouts")
            .description("Runs that reached their deadline").register(REGISTRY);

    private RunMetrics() {
    }

    static void record(RunResult result) {
        String outcome = result.timedOut() ? "timed_out" : result.complete() ? "ok" : "errors";
        RUNS.withTags("outcome", outcome).record(result.took());
        if (result.timedOut()) {
            TIMEOUTS.increment();
        }
        for (BlockTrace block : result.trace()) {
            BLOCKS.withTags("type", block.type()).record((long) (block.wallMillis() * 1000), TimeUnit.MICROSECONDS);
        }
    }
}
