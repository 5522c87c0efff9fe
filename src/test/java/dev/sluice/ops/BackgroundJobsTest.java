package dev.sluice.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {
    @Test
    void aFailingJobRunsAgainAtItsNextTurn() throws Exception {
        CountDownLatch thirdTurn = new CountDownLatch(3);
        try (BackgroundJobs jobs = new BackgroundJobs()) {
            jobs.every(Duration.ofMillis(10), Duration.ZERO, "flaky", () -> {
                thirdTurn.countDown();
                throw new IllegalStateException("database busy");
            });
            assertThat(thirdTurn.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void countsKeptInMemoryAreWrittenOnceMoreAtClose() {
        AtomicInteger flushed = new AtomicInteger();
        BackgroundJobs jobs = new BackgroundJobs().alsoAtClose(Duration.ofHours(1), "counts", flushed::incrementAndGet);
        assertThat(flushed).hasValue(0);
        jobs.close();
        assertThat(flushed).hasValue(1);
    }
}
