package dev.sluice.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.TestClock;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-hook token bucket: a burst, then the sustained rate, each hook on its own. */
class InMemoryHookRateLimiterTest {
    final TestClock clock = new TestClock();
    final InMemoryHookRateLimiter limiter = new InMemoryHookRateLimiter(60, 20, clock);

    @Test
    void allowsTheBurstThenRefusesWithTheTimeUntilTheNextPermit() {
        assertThat(IntStream.range(0, 20).mapToObj(i -> limiter.acquire("h1").allowed())).containsOnly(true);
        HookRateLimiter.Verdict refused = limiter.acquire("h1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refillsAtTheSustainedRate() {
        IntStream.range(0, 20).forEach(i -> limiter.acquire("h1"));
        clock.advance(Duration.ofMillis(2500));
        assertThat(limiter.acquire("h1").allowed()).isTrue();
        assertThat(limiter.acquire("h1").allowed()).isTrue();
        HookRateLimiter.Verdict third = limiter.acquire("h1");
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void neverStoresMoreThanTheBurst() {
        clock.advance(Duration.ofHours(1));
        assertThat(IntStream.range(0, 25).filter(i -> limiter.acquire("h1").allowed()).count()).isEqualTo(20);
    }

    @Test
    void keepsASeparateBudgetPerHook() {
        IntStream.range(0, 20).forEach(i -> limiter.acquire("busy"));
        assertThat(limiter.acquire("busy").allowed()).isFalse();
        assertThat(limiter.acquire("quiet").allowed()).isTrue();
    }

    @Test
    void aRefusedRequestTakesNothing() {
        IntStream.range(0, 20).forEach(i -> limiter.acquire("h1"));
        IntStream.range(0, 50).forEach(i -> limiter.acquire("h1"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire("h1").allowed()).isTrue();
    }
}
