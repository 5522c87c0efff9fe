package dev.sluice.block.article;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Readability runs here, on a few platform threads, not on the run's virtual threads: scoring a
 * page is CPU-bound library code that never yields, and on a virtual thread it would hold a
 * carrier that runs waiting only for a socket or their cut-off need (the feed parser runs apart
 * for the same reason). One thread per two cores leaves the rest to requests and other runs.
 */
final class ExtractThreads {
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            Thread.ofPlatform().name("article-extract-", 0).daemon().factory());

    private ExtractThreads() {
    }

    /** The result of {@code work}, run on an extraction thread; the caller waits for it. */
    static <T> T run(Callable<T> work) throws InterruptedException {
        try {
            return THREADS.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
