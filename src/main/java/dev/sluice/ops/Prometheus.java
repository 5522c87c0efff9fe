package dev.sluice.ops;

import dev.sluice.engine.Admission;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's metrics in Prometheus' text format. The packages record on
 * Micrometer's global registry (engine runs and blocks, admission, downloads, output cache,
 * webhooks — see their {@code *Metrics} classes); this registry joins it while the server runs,
 * with the JVM's own meters (memory, GC, threads, CPU) beside them.
 */
public final class Prometheus implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** @param maxRuns the admission's limit, to report the runs in flight */
    public Prometheus(Admission admission, int maxRuns) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("sluice.runs.in_flight", admission, a -> a.inFlight(maxRuns))
                .description("Pipe runs executing now").register(registry);
        Metrics.addRegistry(registry);
    }

    /** The current figures, in Prometheus' text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        gc.close();
        registry.close();
    }
}
