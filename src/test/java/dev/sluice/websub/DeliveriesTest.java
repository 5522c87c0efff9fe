package dev.sluice.websub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.fetch.AddressPolicy;
import dev.sluice.fetch.GuardedClient;
import dev.sluice.fetch.Resolver;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.WebSubSubscription;
import dev.sluice.store.Database;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.UserRepository;
import dev.sluice.store.WebSubSubscriptions;
import dev.sluice.store.jdbc.JdbcPipeRepository;
import dev.sluice.store.jdbc.JdbcUserRepository;
import dev.sluice.store.jdbc.JdbcWebSubSubscriptions;
import dev.sluice.testing.TestClock;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries against a real SQLite file and a subscriber on loopback, with short pauses between
 * retries: a failed delivery is tried again and counts as one missed notification only when every
 * try failed; a subscriber that misses {@link Deliveries#DROP_AFTER} in a row loses its
 * subscription, one success in between forgives it; a newer delivery overtakes an older one
 * waiting to be retried.
 */
class DeliveriesTest {
    static final String SECRET = "s3cret";
    final TestClock clock = new TestClock();
    Database db;
    WebSubSubscriptions subscriptions;
    MockWebServer subscriber;
    Outbound outbound;
    GuardedClient client;
    WebSubSubscription subscription;

    @BeforeEach
    void start() throws IOException {
        db = Database.open(TestServer.tempDir());
        subscriptions = new JdbcWebSubSubscriptions(db);
        subscriber = new MockWebServer();
        subscriber.start(java.net.InetAddress.getLoopbackAddress(), 0);
        long owner = new JdbcUserRepository(db, clock).findOrCreate("owner@example.org").id();
        StoredPipe pipe = new JdbcPipeRepository(db, clock).create(owner, new PipeRepository.Draft("Pushed", "",
                "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],\"inputs\":[{}],\"textinputs\":[]}]}",
                true, List.of()));
        subscription = new WebSubSubscription("http://sluice.test/feed/" + pipe.id() + ".rss",
                subscriber.url("/cb").toString(), pipe.id(), "rss", SECRET, 86400, clock.instant(),
                clock.instant().plus(Duration.ofDays(1)), 0);
        subscriptions.save(subscription);
        client = new GuardedClient(AddressPolicy.allowingEverything(), Resolver.SYSTEM, "sluice-test", Duration.ofSeconds(5), 64);
    }

    @AfterEach
    void stop() throws IOException {
        outbound.close();
        client.close();
        subscriber.shutdown();
        db.close();
    }

    Deliveries deliveries(Duration... backoff) {
        outbound = new Outbound(List.of(backoff));
        return new Deliveries(client, subscriptions, new SubscribedPipes(subscriptions), outbound, clock);
    }

    static Deliveries.Notification feed(String text) {
        return new Deliveries.Notification(text.getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=utf-8",
                "<http://sluice.test/websub>; rel=\"hub\", <http://sluice.test/feed/x.rss>; rel=\"self\"");
    }

    RecordedRequest next() throws InterruptedException {
        RecordedRequest r = subscriber.takeRequest(20, TimeUnit.SECONDS);
        assertThat(r).as("a delivery attempt").isNotNull();
        return r;
    }

    int failures() {
        return subscriptions.find(subscription.topic(), subscription.callback()).map(WebSubSubscription::failures).orElse(-1);
    }

    void awaitFailures(int expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (failures() != expected && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(failures()).isEqualTo(expected);
    }

    @Test
    void aFailedDeliveryIsTriedAgainWithTheSameSignedBody() throws Exception {
        Deliveries deliveries = deliveries(Duration.ofMillis(20), Duration.ofMillis(40));
        subscriber.enqueue(new MockResponse().setResponseCode(503));
        subscriber.enqueue(new MockResponse().setResponseCode(500));
        subscriber.enqueue(new MockResponse().setResponseCode(204));
        deliveries.send(subscription, feed("<rss>v1</rss>"));
        for (int i = 0; i < 3; i++) {
            RecordedRequest r = next();
            assertThat(r.getBody().readString(StandardCharsets.UTF_8)).isEqualTo("<rss>v1</rss>");
            assertThat(r.getHeader("X-Hub-Signature"))
                    .isEqualTo("sha256=" + HubFixtures.hmacSha256Hex(SECRET, "<rss>v1</rss>".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.getHeader("Link")).contains("rel=\"hub\"").contains("rel=\"self\"");
        }
        assertThat(failures()).as("taken in the end: nothing missed").isZero();
    }

    @Test
    void aSubscriberMissingFiveNotificationsInARowIsDroppedAndASuccessForgivesEarlierMisses() throws Exception {
        Deliveries deliveries = deliveries(Duration.ofMillis(10), Duration.ofMillis(10));
        subscriber.setDispatcher(new okhttp3.mockwebserver.QueueDispatcher());
        for (int i = 0; i < 3 * 2; i++) {
            subscriber.enqueue(new MockResponse().setResponseCode(500));
        }
        deliveries.send(subscription, feed("a"));
        awaitFailures(1);
        deliveries.send(subscription, feed("b"));
        awaitFailures(2);
        subscriber.enqueue(new MockResponse().setResponseCode(200));
        deliveries.send(subscription, feed("c"));
        awaitFailures(0);

        for (int i = 0; i < 3 * Deliveries.DROP_AFTER; i++) {
            subscriber.enqueue(new MockResponse().setResponseCode(500));
        }
        for (int n = 1; n <= Deliveries.DROP_AFTER; n++) {
            deliveries.send(subscription, feed("n" + n));
            awaitFailures(n == Deliveries.DROP_AFTER ? -1 : n);
        }
        assertThat(subscriptions.find(subscription.topic(), subscription.callback())).as("dropped").isEmpty();
        assertThat(subscriber.getRequestCount()).as("each notification: one try and two retries")
                .isEqualTo(3 * 2 + 1 + 3 * Deliveries.DROP_AFTER);
    }

    @Test
    void aNewerDeliveryOvertakesAnOlderOneWaitingForItsRetry() throws Exception {
        Deliveries deliveries = deliveries(Duration.ofMillis(500));
        subscriber.enqueue(new MockResponse().setResponseCode(503));
        subscriber.enqueue(new MockResponse().setResponseCode(200));
        subscriber.enqueue(new MockResponse().setResponseCode(200));
        deliveries.send(subscription, feed("older"));
        assertThat(next().getBody().readString(StandardCharsets.UTF_8)).isEqualTo("older");
        deliveries.send(subscription, feed("newer"));
        assertThat(next().getBody().readString(StandardCharsets.UTF_8)).isEqualTo("newer");
        assertThat(subscriber.takeRequest(2, TimeUnit.SECONDS)).as("the older one is not sent again after the newer").isNull();
        assertThat(failures()).isZero();
    }

    @Test
    void anEndedLeaseStopsEvenTheRetries() throws Exception {
        Deliveries deliveries = deliveries(Duration.ofMillis(300));
        subscriber.enqueue(new MockResponse().setResponseCode(503));
        subscriber.enqueue(new MockResponse().setResponseCode(200));
        deliveries.send(subscription, feed("x"));
        next();
        clock.advance(Duration.ofDays(2));
        assertThat(subscriber.takeRequest(2, TimeUnit.SECONDS)).isNull();
    }
}
