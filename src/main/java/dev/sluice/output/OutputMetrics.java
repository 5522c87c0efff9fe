package dev.sluice.output;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;

/**
 * The output cache's meters: each feed request is answered from a fresh rendering
 * ({@code rendered}), from a fresh run result rendered anew in another format ({@code result}),
 * or needs a run ({@code miss}; it may still join a run in flight). Of the misses, {@code stored}
 * counts those answered from an output stored by an earlier run (before a restart, or on another
 * node) that was still fresh.
 */
final class OutputMetrics {
    private static final Meter.MeterProvider<Counter> LOOKUPS = Counter.builder("sluice.output.cache")
            .description("Feed output lookups by result: rendered, result (hits) or miss, and misses answered from a stored output")
            .withRegistry(Metrics.globalRegistry);
    /** Each looked up once: registering a meter on every cached answer cost more than the answer's headers. */
    static final Counter RENDERED = LOOKUPS.withTags("result", "rendered");
    static final Counter RESULT = LOOKUPS.withTags("result", "result");
    static final Counter MISS = LOOKUPS.withTags("result", "miss");
    static final Counter STORED = LOOKUPS.withTags("result", "stored");

    private OutputMetrics() {
    }
}
