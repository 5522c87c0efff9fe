package dev.sluice.engine;

import dev.sluice.block.BlockError;
import dev.sluice.block.Deadline;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.feed.Feed;
import dev.sluice.fetch.Download;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feed parsing off the virtual threads. A parse is CPU-bound library code that never yields: on
 * a virtual thread it holds a carrier for its whole length, and a burst of huge feeds would hold
 * every carrier while the runs waiting only for a timer or a socket — or for their cut-off — could
 * not be resumed. Parses therefore run on a few platform threads — one per two cores, so that a
 * burst of huge feeds leaves the other cores to requests for cached feeds and pages (measured:
 * with one per core, cached feeds' p99 under 100 pathological runs rose past 50 ms) — which the
 * operating system shares fairly with the request and carrier threads; and the block waits for
 * its parse only as long as its deadline allows: past that the run goes on without it.
 */
final class ParseThreads {
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            Thread.ofPlatform().name("feed-parse-", 0).daemon().factory());

    private ParseThreads() {
    }

    /** {@code download} parsed by {@code decoder}, within {@code deadline}. */
    static Feed decode(FeedDecoder decoder, Download download, Deadline deadline) {
        Feed cached = decoder.cached(download);
        if (cached != null) {
            return cached;
        }
        Future<Feed> parse = THREADS.submit(() -> decoder.decode(download));
        try {
            return parse.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            throw new DeadlineExceeded("reading the feed at " + download.finalUrl() + " took longer than the time left");
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeadlineExceeded("reading the feed at " + download.finalUrl() + " was stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // a BlockError naming the feed's problem, or a bug the engine reports
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new BlockError("Cannot read the feed at " + download.finalUrl() + ": " + e.getCause());
        }
    }
}
