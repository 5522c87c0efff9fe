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
 * not be resumed. Parses therefore run on platform threads, which the operating system shares
 * fairly with the request and carrier threads, in two lanes:
 * <ul>
 * <li>large bodies (over {@link #SMALL_BODY}) on one thread per two cores, so that a burst of huge
 * feeds leaves the other cores to requests for cached feeds and pages (measured: with one per
 * core, cached feeds' p99 under 100 pathological runs rose past 50 ms);</li>
 * <li>ordinary bodies on one thread per core: each takes milliseconds, and the feeds of a cold
 * pipe arrive together, so parsing them side by side is what the first reader waits for (on two
 * cores, eight 300 KB feeds took ~100 ms on one thread).</li>
 * </ul>
 * The block waits for its parse only as long as its deadline allows: past that the run goes on
 * without it.
 */
final class ParseThreads {
    /** Bodies up to this size parse in milliseconds: they may use every core. */
    static final int SMALL_BODY = 1024 * 1024;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService LARGE = Executors.newFixedThreadPool(Math.max(1, CORES / 2),
            Thread.ofPlatform().name("feed-parse-", 0).daemon().factory());
    private static final ExecutorService SMALL = Executors.newFixedThreadPool(CORES,
            Thread.ofPlatform().name("feed-parse-small-", 0).daemon().factory());

    private ParseThreads() {
    }

    /** {@code download} parsed by {@code decoder}, within {@code deadline}. */
    static Feed decode(FeedDecoder decoder, Download download, Deadline deadline) {
        Feed cached = decoder.cached(download);
        if (cached != null) {
            return cached;
        }
        Future<Feed> parse = (download.body().length <= SMALL_BODY ? SMALL : LARGE).submit(() -> decoder.decode(download));
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
