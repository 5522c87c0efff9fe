package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.fetch.HostPoliteness.Admission;
import dev.sluice.fetch.HostPoliteness.Denied;
import dev.sluice.fetch.HostPoliteness.Granted;
import dev.sluice.fetch.HostPoliteness.Reason;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The in-memory politeness on its own: no network, real (short) waits. */
class InMemoryHostPolitenessTest {

    private final InMemoryHostPoliteness politeness = new InMemoryHostPoliteness(TestDownloaders.config()
            .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4)));

    @Test
    void grantsTwoSlotsThenDeniesAtTheDeadlineThenGrantsOnRelease() throws InterruptedException {
        Granted first = granted(politeness.admit("a.test", in(Duration.ofSeconds(1))));
        granted(politeness.admit("a.test", in(Duration.ofSeconds(1))));
        long start = System.nanoTime();

        Admission third = politeness.admit("a.test", in(Duration.ofMillis(200)));

        assertThat(third).isEqualTo(new Denied(Reason.BUSY, Duration.ZERO));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        first.permit().close();
        first.permit().close(); // closing twice must not free two slots
        granted(politeness.admit("a.test", in(Duration.ofMillis(200))));
        assertThat(politeness.admit("a.test", in(Duration.ofMillis(50)))).isInstanceOf(Denied.class);
    }

    @Test
    void hostsAreIndependent() throws InterruptedException {
        granted(politeness.admit("a.test", in(Duration.ofSeconds(1))));
        granted(politeness.admit("a.test", in(Duration.ofSeconds(1))));
        granted(politeness.admit("b.test", in(Duration.ofMillis(50))));
    }

    @Test
    void aWaitingThreadCanBeInterrupted() throws Exception {
        granted(politeness.admit("a.test", in(Duration.ofSeconds(1))));
        granted(politeness.admit("a.test", in(Duration.ofSeconds(1))));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread waiting = Thread.ofVirtual().start(() -> {
            try {
                result.set(politeness.admit("a.test", in(Duration.ofSeconds(30))));
            } catch (InterruptedException e) {
                result.set(e);
            }
        });
        Thread.sleep(100);
        waiting.interrupt();
        waiting.join(Duration.ofSeconds(2));

        assertThat(waiting.isAlive()).isFalse();
        assertThat(result.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aPauseBeyondTheDeadlineIsDeniedAtOnceAndOneWithinIsWaitedFor() throws InterruptedException {
        politeness.pause("a.test", Duration.ofMillis(600));
        long start = System.nanoTime();

        Admission tooSoon = politeness.admit("a.test", in(Duration.ofMillis(100)));
        assertThat(tooSoon).isInstanceOf(Denied.class);
        assertThat(((Denied) tooSoon).reason()).isEqualTo(Reason.PAUSED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));

        granted(politeness.admit("a.test", in(Duration.ofSeconds(2))));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }

    @Test
    void backsOffFromTheSecondFailureAndForgetsOnSuccess() throws InterruptedException {
        politeness.failed("a.test");
        granted(politeness.admit("a.test", in(Duration.ofMillis(50)))).permit().close();

        politeness.failed("a.test");
        Admission backingOff = politeness.admit("a.test", in(Duration.ofMillis(50)));
        assertThat(backingOff).isInstanceOf(Denied.class);
        assertThat(((Denied) backingOff).reason()).isEqualTo(Reason.BACKING_OFF);
        assertThat(((Denied) backingOff).retryIn()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));

        politeness.failed("a.test"); // third in a row: two seconds
        assertThat(((Denied) politeness.admit("a.test", in(Duration.ofMillis(50)))).retryIn())
                .isGreaterThan(Duration.ofMillis(1500));

        politeness.succeeded("a.test");
        granted(politeness.admit("a.test", in(Duration.ofMillis(50))));
    }

    @Test
    void theBackOffIsCapped() throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            politeness.failed("a.test");
        }
        Denied denied = (Denied) politeness.admit("a.test", in(Duration.ofMillis(10)));
        assertThat(denied.retryIn()).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void spacesStarts() throws InterruptedException {
        InMemoryHostPoliteness spaced = new InMemoryHostPoliteness(TestDownloaders.config()
                .withHostSpacing(Duration.ofMillis(150)));
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            granted(spaced.admit("a.test", in(Duration.ofSeconds(2)))).permit().close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        // A start the spacing would push past the deadline is denied at once.
        assertThat(spaced.admit("a.test", in(Duration.ofMillis(20)))).isInstanceOf(Denied.class);
    }

    private static long in(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    private static Granted granted(Admission admission) {
        assertThat(admission).isInstanceOf(Granted.class);
        return (Granted) admission;
    }
}
