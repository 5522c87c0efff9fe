package dev.sluice.app;

import dev.sluice.output.Warmup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What a serving process does before it calls itself ready: once the services are open, it
 * warms the cold-request path on a background thread of low priority (requests that come
 * meanwhile are served, only slower) — the engine, parser, sanitiser and writers in memory
 * ({@link Warmup}), then the HTTP client and server over loopback ({@link HttpWarmup}).
 */
final class StartupWarmup {
    /** How much warming start-up does at most: enough rounds for the JIT to compile the hot path. */
    static final int ROUNDS = 20;
    static final Duration BUDGET = Duration.ofSeconds(15);
    /** Then fetches from the server itself: enough for the JIT to compile the HTTP client's and server's paths. */
    static final int HTTP_FETCHES = 6_000;
    static final Duration HTTP_BUDGET = Duration.ofSeconds(4);

    private StartupWarmup() {
    }

    /**
     * Starts warming once {@code opening} completes, over loopback once the server is
     * {@code listening} on its port. The future completes when it is done (at once when the
     * settings turn warming off), which is when the server calls itself ready.
     */
    static CompletableFuture<?> start(Config config, CompletableFuture<Sluice> opening, CompletableFuture<Integer> listening) {
        if (!config.warmup()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Integer> warmed = new CompletableFuture<>();
        opening.whenComplete((sluice, failed) -> {
            Thread thread = new Thread(() -> {
                int rounds = Warmup.run(ROUNDS, BUDGET);
                try {
                    HttpWarmup.run(listening.join(), HTTP_FETCHES, HTTP_BUDGET);
                } catch (RuntimeException notListening) {
                    // the server did not start: nothing to warm, and nobody waits for readiness
                }
                warmed.complete(rounds);
            }, "warmup");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        });
        return warmed;
    }
}
