package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.Deadline;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.feed.Feed;
import dev.sluice.fetch.Download;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parses run off the virtual threads and are waited for only within the block's deadline. */
class ParseThreadsTest {
    static final Download DOC = new Download("http://127.0.0.1/f", "http://127.0.0.1/f", 200, "application/rss+xml",
            new byte[] {'<'}, null, null, null);

    @Test
    void aParseThatIgnoresInterruptsCannotHoldTheBlockPastItsDeadline() {
        FeedDecoder stuck = d -> {
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // a library parse that never checks anything
            }
            return Feed.EMPTY;
        };
        long start = System.nanoTime();
        assertThatThrownBy(() -> ParseThreads.decode(stuck, DOC, Deadline.in(Duration.ofMillis(300))))
                .isInstanceOf(DeadlineExceeded.class).hasMessageContaining("http://127.0.0.1/f");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("given up long before the parse ends")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aFeedProblemReachesTheBlockAsItsOwnError() {
        FeedDecoder broken = d -> {
            throw new BlockError("Cannot read the feed at http://127.0.0.1/f: not a feed");
        };
        assertThatThrownBy(() -> ParseThreads.decode(broken, DOC, Deadline.in(Duration.ofSeconds(5))))
                .isInstanceOf(BlockError.class).isNotInstanceOf(DeadlineExceeded.class).hasMessageContaining("not a feed");
    }

    @Test
    void aFeedParsedBeforeIsTakenFromTheCacheWithoutParsing() {
        AtomicInteger parses = new AtomicInteger();
        FeedDecoder cachedOnly = new FeedDecoder() {
            @Override
            public Feed decode(Download download) {
                parses.incrementAndGet();
                return Feed.EMPTY;
            }

            @Override
            public Feed cached(Download download) {
                return Feed.EMPTY;
            }
        };
        assertThat(ParseThreads.decode(cachedOnly, DOC, Deadline.in(Duration.ofSeconds(5)))).isSameAs(Feed.EMPTY);
        assertThat(parses).hasValue(0);
    }
}
