package dev.sluice.redis;

import static dev.sluice.redis.SharedDownloadsTest.body;
import static dev.sluice.redis.SharedDownloadsTest.fetched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sluice.app.Config;
import dev.sluice.app.Sluice;
import dev.sluice.auth.RateLimit;
import dev.sluice.fetch.FetchOutcome;
import dev.sluice.output.Invalidation;
import dev.sluice.testing.TestClock;
import dev.sluice.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Redis that is not there, goes away, stops answering or comes back, with Redis servers of the test's own. */
class RedisOutageTest {

    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger outageLog = (Logger) LoggerFactory.getLogger(Outage.class);

    @BeforeEach
    void listen() {
        warnings.start();
        outageLog.addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        outageLog.detachAppender(warnings);
    }

    @Test
    void aNodeDoesNotStartWhenItsRedisDoesNotAnswer() throws Exception {
        String nobody;
        try (RedisProcess redis = RedisProcess.start()) {
            nobody = "redis://:s3cret@127.0.0.1:" + redis.port + "/0";
        } // stopped: nothing listens on its port now
        Config config = Config.from(Map.of("SLUICE_DATA_DIR", TestServer.tempDir().toString(), "SLUICE_REDIS_URL", nobody));

        assertThatThrownBy(() -> Sluice.open(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SLUICE_REDIS_URL")
                .hasMessageContaining("does not answer")
                .hasMessageContaining("127.0.0.1")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void fetchesGoOnLocallyWhileRedisIsDownAndAreSharedAgainWhenItIsBack() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
             Upstream upstream = new Upstream(0, r -> new MockResponse().setBody("body of " + r.getPath()));
             TestRedis.Node node = TestRedis.Node.of(redis.url(), TestRedis.config())) {
            fetched(node.downloader().fetch(upstream.url("/before.xml"), Duration.ofSeconds(5)));

            redis.stop();
            long start = System.nanoTime();
            FetchOutcome.Fetched during = fetched(node.downloader().fetch(upstream.url("/during.xml"), Duration.ofSeconds(3)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            FetchOutcome.Fetched cached = fetched(node.downloader().fetch(upstream.url("/before.xml"), Duration.ofSeconds(3)));

            assertThat(during.freshness()).isEqualTo(FetchOutcome.Freshness.NETWORK);
            assertThat(body(during)).isEqualTo("body of /during.xml");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(cached.freshness()).as("this node's own cache still answers").isEqualTo(FetchOutcome.Freshness.CACHE);
            assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.contains("does not answer") && m.contains("runs on this node alone"));

            redis.run();
            try (TestRedis.Node other = TestRedis.Node.of(redis.url(), TestRedis.config())) {
                fetched(other.downloader().fetch(upstream.url("/after.xml"), Duration.ofSeconds(5)));
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!node.redis().connection().isOpen() && System.nanoTime() < end) {
                    Thread.sleep(100); // the first node reconnects on its own, after a back-off
                }
                Thread.sleep(Duration.ofNanos(Outage.REST_NANOS).plusMillis(200)); // and asks Redis again after a rest

                FetchOutcome.Fetched shared = fetched(node.downloader().fetch(upstream.url("/after.xml"), Duration.ofSeconds(5)));

                assertThat(shared.freshness()).isEqualTo(FetchOutcome.Freshness.CACHE);
                assertThat(upstream.log).extracting(Upstream.Arrival::path).filteredOn("/after.xml"::equals).hasSize(1);
            }
        }
    }

    @Test
    void aRedisThatStopsAnsweringHoldsNoFetchPastItsDeadline() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
             Upstream upstream = new Upstream(0, r -> new MockResponse().setBody("ok"));
             TestRedis.Node node = TestRedis.Node.of(redis.url(), TestRedis.config())) {
            fetched(node.downloader().fetch(upstream.url("/warm.xml"), Duration.ofSeconds(5)));
            redis.freeze();
            try {
                long start = System.nanoTime();
                FetchOutcome hurried = node.downloader().fetch(upstream.url("/hurried.xml"), Duration.ofMillis(800));
                Duration hurriedTook = Duration.ofNanos(System.nanoTime() - start);
                start = System.nanoTime();
                FetchOutcome patient = node.downloader().fetch(upstream.url("/patient.xml"), Duration.ofSeconds(10));
                Duration patientTook = Duration.ofNanos(System.nanoTime() - start);

                assertThat(hurried).isNotNull();
                assertThat(hurriedTook).isLessThan(Duration.ofMillis(2000));
                assertThat(body(fetched(patient))).isEqualTo("ok");
                assertThat(patientTook).as("a second per unanswered command at most").isLessThan(Duration.ofSeconds(6));
            } finally {
                redis.thaw();
            }
        }
    }

    @Test
    void rateLimitsFallBackToThisNodesOwnBudget() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
             Redis node = Redis.connect(RedisAddress.parse(redis.url()))) {
            RateLimit limit = new RedisTokenBuckets(node, "login-ip", 2, Duration.ofMinutes(15), new TestClock());
            redis.stop();

            assertThat(limit.take("203.0.113.9").allowed()).isTrue();
            assertThat(limit.take("203.0.113.9").allowed()).isTrue();
            assertThat(limit.take("203.0.113.9").allowed()).isFalse();
            assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.contains("the login-ip rate limit runs on this node alone"));
        }
    }

    @Test
    void aNodeThatLostItsSubscriptionForgetsEveryPipeWhenItIsBack() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
             Redis node = Redis.connect(RedisAddress.parse(redis.url()));
             RedisInvalidation invalidation = new RedisInvalidation(node)) {
            CountDownLatch forgotAll = new CountDownLatch(1);
            invalidation.listen(new Invalidation.Caches() {
                @Override
                public void forgetPipe(String pipeId) {
                }

                @Override
                public void forgetOutputs(String pipeId) {
                }

                @Override
                public void forgetAll() {
                    forgotAll.countDown();
                }
            });

            redis.stop();
            invalidation.pipeChanged("p1"); // not delivered: nobody to deliver it
            redis.run();

            assertThat(forgotAll.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
