package dev.sluice.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The downloader's meters: upstream trips by outcome and HTTP status with their
 * durations, and answers from the download cache without a trip.
 */
final class FetchMetrics {
    private static final Meter.MeterProvider<Timer> TRIPS = Timer.builder("sluice.fetch.duration")
            .description("Upstream fetches by outcome (network, revalidated, stale, failed), status and failure")
            .withRegistry(Metrics.globalRegistry);
    private static final Counter CACHE_HITS = Counter.builder("sluice.fetch.cache.hits")
            .description("Downloads answered from the cache while fresh, without an upstream trip")
            .register(Metrics.globalRegistry);
    private static final Counter SHARED_HITS = Counter.builder("sluice.fetch.shared.hits")
            .description("Downloads answered from the cache shared by several nodes (Redis), without an upstream trip")
            .register(Metrics.globalRegistry);

    private static final Meter.MeterProvider<Counter> RETRIES = Counter.builder("sluice.fetch.retries")
            .description("Requests sent again within one fetch, by what broke: stale_connection (a reused connection the"
                    + " server had closed, not an upstream failure) or an upstream failure (network, http_status, ...)")
            .withRegistry(Metrics.globalRegistry);

    private FetchMetrics() {
    }

    static void cacheHit() {
        CACHE_HITS.increment();
    }

    /** A fresh copy another node fetched, taken from the shared cache. */
    static void sharedHit() {
        SHARED_HITS.increment();
    }

    /** The explicit one retry after an upstream failure. */
    static void retried(FetchFailure failure) {
        RETRIES.withTags("failure", nameOf(failure)).increment();
    }

    /** A request sent again on a fresh connection because its pooled one had been closed by the server. */
    static void staleConnectionRetried() {
        RETRIES.withTags("failure", "stale_connection").increment();
    }

    static void trip(FetchOutcome outcome, long nanos) {
        String result;
        String status;
        String failure;
        switch (outcome) {
            case FetchOutcome.Fetched fetched when fetched.staleBecause() == null -> {
                result = fetched.freshness().name().toLowerCase(Locale.ROOT);
                status = Integer.toString(fetched.download().status());
                failure = "none";
            }
            case FetchOutcome.Fetched fetched -> {
                result = "stale";
                status = statusOf(fetched.staleBecause());
                failure = nameOf(fetched.staleBecause());
            }
            case FetchOutcome.Failed failed -> {
                result = "failed";
                status = statusOf(failed.failure());
                failure = nameOf(failed.failure());
            }
        }
        TRIPS.withTags("outcome", result, "status", status, "failure", failure).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String statusOf(FetchFailure failure) {
        return failure instanceof FetchFailure.HttpStatus http ? Integer.toString(http.status()) : "none";
    }

    /** One tag value per kind of failure: a bounded set. */
    private static String nameOf(FetchFailure failure) {
        return switch (failure) {
            case FetchFailure.Refused refused -> "refused";
            case FetchFailure.TimedOut timedOut -> "timed_out";
            case FetchFailure.TooLarge tooLarge -> "too_large";
            case FetchFailure.TooManyRequests tooMany -> "too_many_requests";
            case FetchFailure.HttpStatus status -> "http_status";
            case FetchFailure.Network network -> "network";
        };
    }
}
