package dev.sluice.fetch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Concurrent calls for the same key share one piece of work: the first caller (the leader) runs
 * it on its own thread, later callers wait for its result, each only until its own deadline.
 * Keys leave the map when the work ends, so the map holds only what is in flight right now.
 */
final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /**
     * The result of {@code work} for {@code key}, run here or joined from the caller already
     * running it.
     *
     * @throws TimeoutException     when this caller's deadline passed while waiting for another's run
     * @throws InterruptedException when interrupted while waiting
     */
    V run(K key, long deadlineNanos, Supplier<V> work) throws TimeoutException, InterruptedException {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running == null) {
            try {
                V value = work.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(key, mine);
            }
        }
        try {
            return running.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // The leader's work threw (a bug, not an upstream problem): fail the same way here.
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
