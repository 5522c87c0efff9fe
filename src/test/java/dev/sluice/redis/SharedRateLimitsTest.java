package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.auth.RateLimit;
import dev.sluice.hook.HookRateLimiter;
import dev.sluice.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Login and webhook budgets kept in one real Redis are one budget for every node. */
class SharedRateLimitsTest {

    @Test
    void aLoginBudgetSpentOnOneNodeIsSpentOnTheOther() {
        String url = TestRedis.freshUrl();
        TestClock clock = new TestClock();
        try (Redis nodeA = Redis.connect(RedisAddress.parse(url));
             Redis nodeB = Redis.connect(RedisAddress.parse(url))) {
            RateLimit a = new RedisTokenBuckets(nodeA, "login-ip", 5, Duration.ofMinutes(15), clock);
            RateLimit b = new RedisTokenBuckets(nodeB, "login-ip", 5, Duration.ofMinutes(15), clock);

            for (int i = 0; i < 5; i++) {
                assertThat((i % 2 == 0 ? a : b).take("203.0.113.7").allowed()).as("request %d", i).isTrue();
            }
            RateLimit.Verdict sixthOnA = a.take("203.0.113.7");
            RateLimit.Verdict sixthOnB = b.take("203.0.113.7");

            assertThat(sixthOnA.allowed()).isFalse();
            assertThat(sixthOnB.allowed()).isFalse();
            // One token comes back every 15 min / 5 = 3 min.
            assertThat(sixthOnB.retryAfter()).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(3));
            assertThat(b.take("198.51.100.1").allowed()).as("another address has its own budget").isTrue();

            clock.advance(Duration.ofMinutes(3));
            assertThat(a.take("203.0.113.7").allowed()).isTrue();
            assertThat(b.take("203.0.113.7").allowed()).isFalse();
        }
    }

    @Test
    void limitsWithDifferentNamesDoNotShareABudget() {
        String url = TestRedis.freshUrl();
        TestClock clock = new TestClock();
        try (Redis node = Redis.connect(RedisAddress.parse(url))) {
            RateLimit perAddress = new RedisTokenBuckets(node, "login-address", 1, Duration.ofMinutes(15), clock);
            RateLimit perAccount = new RedisTokenBuckets(node, "email-change", 1, Duration.ofMinutes(15), clock);

            assertThat(perAddress.take("7").allowed()).isTrue();
            assertThat(perAccount.take("7").allowed()).isTrue();
            assertThat(perAddress.take("7").allowed()).isFalse();
        }
    }

    @Test
    void aWebhooksBurstIsSharedAndRefillsAtItsRate() {
        String url = TestRedis.freshUrl();
        TestClock clock = new TestClock();
        try (Redis nodeA = Redis.connect(RedisAddress.parse(url));
             Redis nodeB = Redis.connect(RedisAddress.parse(url))) {
            HookRateLimiter a = RedisTokenBuckets.perMinute(nodeA, "hook", 60, 3, clock);
            HookRateLimiter b = RedisTokenBuckets.perMinute(nodeB, "hook", 60, 3, clock);

            assertThat(a.acquire("a1b2c3d4e5").allowed()).isTrue();
            assertThat(b.acquire("a1b2c3d4e5").allowed()).isTrue();
            assertThat(a.acquire("a1b2c3d4e5").allowed()).isTrue();
            HookRateLimiter.Verdict fourth = b.acquire("a1b2c3d4e5");

            assertThat(fourth.allowed()).isFalse();
            assertThat(fourth.retryAfter()).isBetween(Duration.ofMillis(1), Duration.ofSeconds(1));
            clock.advance(Duration.ofSeconds(1)); // 60 a minute: one a second
            assertThat(b.acquire("a1b2c3d4e5").allowed()).isTrue();
            assertThat(a.acquire("a1b2c3d4e5").allowed()).isFalse();
        }
    }
}
