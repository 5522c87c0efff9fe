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

    @Test
    void aNodeThatOnlyServesRunsItsOwnJobsButNoSharedOnes() throws Exception {
        AtomicInteger shared = new AtomicInteger();
        CountDownLatch own = new CountDownLatch(2);
        try (BackgroundJobs jobs = new BackgroundJobs(null, false, null)) {
            jobs.onceShared(Duration.ofMinutes(1), "index repair", shared::incrementAndGet)
                    .everyShared(Duration.ofMillis(10), Duration.ZERO, "retention", shared::incrementAndGet)
                    .every(Duration.ofMillis(10), Duration.ZERO, "run statuses", own::countDown);
            assertThat(own.await(10, TimeUnit.SECONDS)).as("the node's own write-behind still runs").isTrue();
            Thread.sleep(100);
        }
        assertThat(shared).as("retention and repairs are left to the jobs nodes").hasValue(0);
    }

    @Test
    void theJobsDelayBringsEveryFirstRunForward() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (BackgroundJobs jobs = new BackgroundJobs(null, true, Duration.ofMillis(20))) {
            jobs.everyShared(Duration.ofHours(1), Duration.ofHours(1), "retention", ran::countDown);
            assertThat(ran.await(10, TimeUnit.SECONDS)).as("first run after 20 ms, not an hour").isTrue();
        }
    }
}
