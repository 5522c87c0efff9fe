package dev.sluice.hook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import java.util.Locale;

/** Webhook deliveries by what became of them: accepted, duplicate, unauthorized, rate_limited, … */
final class HookMetrics {
    private static final Meter.MeterProvider<Counter> EVENTS = Counter.builder("sluice.webhook.events")
            .description("Webhook deliveries by result").withRegistry(Metrics.globalRegistry);

    private HookMetrics() {
    }

    static void record(HookIngest.Outcome outcome) {
        // "RateLimited" -> "rate_limited": one tag value per kind of outcome, a bounded set.
        String result = outcome.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        EVENTS.withTags("result", result).increment();
    }
}
