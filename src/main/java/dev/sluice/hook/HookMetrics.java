package dev.sluice.hook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;

/** Webhook deliveries by what became of them: accepted, duplicate, unauthorized, rate_limited, … */
final class HookMetrics {
    private static final Meter.MeterProvider<Counter> EVENTS = Counter.builder("sluice.webhook.events")
            .description("Webhook deliveries by result").withRegistry(Metrics.globalRegistry);

    private HookMetrics() {
    }

    static void record(HookIngest.Outcome outcome) {
        // One tag value per kind of outcome: a bounded set.
        String result = switch (outcome) {
            case HookIngest.Outcome.Accepted accepted -> "accepted";
            case HookIngest.Outcome.Duplicate duplicate -> "duplicate";
            case HookIngest.Outcome.UnknownHook unknown -> "unknown_hook";
            case HookIngest.Outcome.TooLarge tooLarge -> "too_large";
            case HookIngest.Outcome.BadRequest bad -> "bad_request";
            case HookIngest.Outcome.Unauthorized unauthorized -> "unauthorized";
            case HookIngest.Outcome.RateLimited limited -> "rate_limited";
            case HookIngest.Outcome.Busy busy -> "busy";
        };
        EVENTS.withTags("result", result).increment();
    }
}
