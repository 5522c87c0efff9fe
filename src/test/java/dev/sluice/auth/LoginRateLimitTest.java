package dev.sluice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Token buckets: a burst up to the capacity, then one more per window/capacity. */
class LoginRateLimitTest {
    final TestClock clock = new TestClock();
    final TokenBuckets fivePerFifteenMinutes = new TokenBuckets(5, Duration.ofMinutes(15), clock);

    @Test
    void aBurstUpToTheCapacityThenRefusals() {
        for (int i = 0; i < 5; i++) {
            assertThat(fivePerFifteenMinutes.take("k").allowed()).as("request %d", i).isTrue();
        }
        RateLimit.Verdict sixth = fivePerFifteenMinutes.take("k");
        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.retryAfter()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void refusedAttemptsDoNotDelayTheNextToken() {
        for (int i = 0; i < 50; i++) {
            fivePerFifteenMinutes.take("k");
        }
        clock.advance(Duration.ofMinutes(2));
        assertThat(fivePerFifteenMinutes.take("k").retryAfter()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(fivePerFifteenMinutes.take("k").allowed()).isTrue();
        assertThat(fivePerFifteenMinutes.take("k").allowed()).isFalse();
    }

    @Test
    void aQuietWindowRefillsTheBucketButNoFurther() {
        for (int i = 0; i < 5; i++) {
            fivePerFifteenMinutes.take("k");
        }
        clock.advance(Duration.ofHours(5));
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += fivePerFifteenMinutes.take("k").allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 5; i++) {
            fivePerFifteenMinutes.take("a");
        }
        assertThat(fivePerFifteenMinutes.take("a").allowed()).isFalse();
        assertThat(fivePerFifteenMinutes.take("b").allowed()).isTrue();
    }
}
