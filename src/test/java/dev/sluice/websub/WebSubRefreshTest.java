package dev.sluice.websub;

import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static dev.sluice.websub.HubFixtures.awaitStored;
import static dev.sluice.websub.HubFixtures.subscribe;
import static dev.sluice.websub.HubFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.store.PipeRepository;
import dev.sluice.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The background refresher (here every second): subscribed pipes run when their output is no
 * longer fresh, with no reader polling, and subscribers get the change; expired subscriptions and
 * those of pipes no longer public are removed.
 */
class WebSubRefreshTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(Map.of("SLUICE_WEBSUB_REFRESH_SECONDS", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static StoredPipe feedPipe(Upstream upstream) {
        return server.save("owner@example.org", "Refreshed", pipe(feed("f", upstream.url()), output("f")), true);
    }

    static void subscribed(StoredPipe pipe, Subscriber subscriber, String... more) {
        assertThat(subscribe(server, topic(server, pipe, OutputFormat.RSS), subscriber.callback("/cb"), more).statusCode())
                .isEqualTo(202);
        subscriber.nextVerification();
        awaitStored(server, subscriber.callback("/cb"), 1);
    }

    @Test
    void aChangeReachesSubscribersOnceTheOutputIsStaleWithoutAnyReader() {
        try (Upstream upstream = new Upstream("Old"); Subscriber subscriber = new Subscriber()) {
            StoredPipe pipe = feedPipe(upstream);
            subscribed(pipe, subscriber);
            upstream.items("Sat, 06 Jan 2024 00:00:00 GMT", "New", "Old");
            server.clock.advance(Duration.ofMinutes(11)); // the output's and the download's freshness ran out
            String delivered = subscriber.nextDelivery().getBody().readString(StandardCharsets.UTF_8);
            assertThat(delivered).contains("<title>New</title>");
        }
    }

    @Test
    void expiredSubscriptionsAndThoseOfPipesNoLongerPublicAreRemoved() {
        try (Upstream upstream = new Upstream("One"); Subscriber expiring = new Subscriber(); Subscriber unshared = new Subscriber()) {
            subscribed(feedPipe(upstream), expiring, "hub.lease_seconds", "3600");
            StoredPipe pipe = feedPipe(upstream);
            subscribed(pipe, unshared);

            server.sluice.pipes().updateDetails(pipe, new PipeRepository.Details(pipe.title(), pipe.description(), false,
                    pipe.tags()));
            awaitStored(server, unshared.callback("/cb"), 0);

            server.clock.advance(Duration.ofHours(2));
            awaitStored(server, expiring.callback("/cb"), 0);
            assertThat(expiring.deliveries).isEmpty();
            assertThat(unshared.deliveries).isEmpty();
        }
    }
}
