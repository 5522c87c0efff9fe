package dev.sluice.websub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;

/** What the hub did, for {@code /metrics}: requests by answer, verifications and deliveries by result. */
final class WebSubMetrics {
    private static final Meter.MeterProvider<Counter> REQUESTS = Counter.builder("sluice.websub.requests")
            .description("Subscription requests to the built-in hub by answer").withRegistry(Metrics.globalRegistry);
    private static final Meter.MeterProvider<Counter> VERIFICATIONS = Counter.builder("sluice.websub.verifications")
            .description("Intent verifications by result").withRegistry(Metrics.globalRegistry);
    private static final Meter.MeterProvider<Counter> DELIVERIES = Counter.builder("sluice.websub.deliveries")
            .description("Content distribution requests by result").withRegistry(Metrics.globalRegistry);

    private WebSubMetrics() {
    }

    static void request(HubAnswer answer) {
        String result = switch (answer) {
            case HubAnswer.Accepted a -> "accepted";
            case HubAnswer.Refused r -> Integer.toString(r.status());
            case HubAnswer.Limited l -> "429";
        };
        REQUESTS.withTags("answer", result).increment();
    }

    /** @param result one of a few fixed words: verified, not_verified, denied */
    static void verification(String result) {
        VERIFICATIONS.withTags("result", result).increment();
    }

    /** @param result one of a few fixed words: delivered, failed, gave_up, dropped_subscriber, pinged, ping_failed, queue_full */
    static void delivery(String result) {
        DELIVERIES.withTags("result", result).increment();
    }

    static void dropped() {
        delivery("queue_full");
    }
}
