package dev.sluice.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Admission's meters (runs in flight: ops.Prometheus): how long runs waited for a place, and refusals by reason. */
final class AdmissionMetrics {
    private static final Timer WAITS = Timer.builder("sluice.admission.wait")
            .description("Time a run waited for a place before starting").register(Metrics.globalRegistry);
    private static final Meter.MeterProvider<Counter> REFUSED = Counter.builder("sluice.admission.refused")
            .description("Runs refused for lack of a place (503), by whose limit: account or server")
            .withRegistry(Metrics.globalRegistry);

    private AdmissionMetrics() {
    }

    static void waited(long nanos) {
        WAITS.record(nanos, TimeUnit.NANOSECONDS);
    }

    static void refused(String reason) {
        REFUSED.withTags("reason", reason).increment();
    }
}
