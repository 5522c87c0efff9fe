package dev.sluice.websub;

import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static dev.sluice.websub.HubFixtures.awaitStored;
import static dev.sluice.websub.HubFixtures.hmacSha256Hex;
import static dev.sluice.websub.HubFixtures.path;
import static dev.sluice.websub.HubFixtures.stored;
import static dev.sluice.websub.HubFixtures.subscribe;
import static dev.sluice.websub.HubFixtures.topic;
import static dev.sluice.websub.HubFixtures.unsubscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.feed.OutputFormat;
import dev.sluice.hook.HookFixtures;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in hub end to end, all on loopback: a subscriber subscribes, confirms with the
 * challenge, and from then on receives the pipe's feed — signed with its secret, with the hub and
 * self links — each time a run (a reader's poll, a webhook event) produces different items, and
 * only then. Failed confirmations, unsubscribing and ended leases stop deliveries.
 */
class WebSubDeliveryTest {
    static final String SECRET = "subscriber-secret-4e1d";
    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static StoredPipe feedPipe(Upstream upstream) {
        return server.save("owner@example.org", "Pushed news", pipe(feed("f", upstream.url()), output("f")), true);
    }

    /** A reader asks for the feed once its cached output (and download) is no longer fresh: the pipe runs. */
    static String poll(String feedPath) {
        server.clock.advance(Duration.ofMinutes(11));
        var r = server.get(feedPath);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static String body(RecordedRequest r) {
        return r.getBody().clone().readString(StandardCharsets.UTF_8);
    }

    @Test
    void aConfirmedSubscriberGetsEachChangeSignedWithLinksAndNothingWhenOnlyTheBuildDateMoves() {
        try (Upstream upstream = new Upstream("Alpha", "Beta"); Subscriber subscriber = new Subscriber()) {
            StoredPipe pipe = feedPipe(upstream);
            String topic = topic(server, pipe, OutputFormat.RSS);
            String callback = subscriber.callback("/push?reader=7");

            var answer = subscribe(server, topic, callback, "hub.secret", SECRET, "hub.lease_seconds", "86400");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);

            HttpUrl check = subscriber.nextVerification().getRequestUrl();
            assertThat(check.queryParameter("hub.mode")).isEqualTo("subscribe");
            assertThat(check.queryParameter("hub.topic")).isEqualTo(topic);
            assertThat(check.queryParameter("hub.lease_seconds")).isEqualTo("86400");
            assertThat(check.queryParameter("hub.challenge")).hasSizeGreaterThanOrEqualTo(32);
            assertThat(check.queryParameter("reader")).as("the callback's own query is kept").isEqualTo("7");
            awaitStored(server, callback, 1);

            // A run with the same items — only the channel's build date and description moved — is no news.
            upstream.items("Tue, 02 Jan 2024 00:00:00 GMT", "Alpha", "Beta");
            poll(path(topic));
            upstream.items("Tue, 02 Jan 2024 00:00:00 GMT", "Gamma", "Alpha", "Beta");
            String polled = poll(path(topic));

            RecordedRequest delivery = subscriber.nextDelivery();
            assertThat(delivery.getMethod()).isEqualTo("POST");
            assertThat(delivery.getPath()).isEqualTo("/push?reader=7");
            byte[] bytes = delivery.getBody().clone().readByteArray();
            assertThat(body(delivery)).as("the first delivery is the change, not the unchanged run")
                    .contains("<title>Gamma</title>").isEqualTo(polled);
            assertThat(delivery.getHeader("Content-Type")).startsWith("application/rss+xml");
            assertThat(delivery.getHeader("X-Hub-Signature")).isEqualTo("sha256=" + hmacSha256Hex(SECRET, bytes));
            assertThat(String.join(", ", delivery.getHeaders().values("Link")))
                    .contains("<" + server.sluice.config().baseUrl() + "/websub>; rel=\"hub\"")
                    .contains("<" + topic + ">; rel=\"self\"");

            // Another unchanged run, then a change: the next delivery is that change, nothing before it.
            poll(path(topic));
            upstream.items("Wed, 03 Jan 2024 00:00:00 GMT", "Delta", "Gamma", "Alpha", "Beta");
            poll(path(topic));
            assertThat(body(subscriber.nextDelivery())).contains("<title>Delta</title>");
            assertThat(subscriber.deliveries).isEmpty();
        }
    }

    @Test
    void aCallbackThatDoesNotEchoTheChallengeIsNotSubscribedAndGetsNothing() {
        try (Upstream upstream = new Upstream("One"); Subscriber wrong = new Subscriber(); Subscriber right = new Subscriber()) {
            StoredPipe pipe = feedPipe(upstream);
            String topic = topic(server, pipe, OutputFormat.ATOM);
            wrong.answer = "not the challenge";
            assertThat(subscribe(server, topic, wrong.callback("/cb")).statusCode()).isEqualTo(202);
            wrong.nextVerification();
            assertThat(subscribe(server, topic, right.callback("/cb")).statusCode()).isEqualTo(202);
            right.nextVerification();
            awaitStored(server, right.callback("/cb"), 1);

            upstream.items("Thu, 04 Jan 2024 00:00:00 GMT", "Two", "One");
            poll(path(topic));
            RecordedRequest delivery = right.nextDelivery();
            assertThat(delivery.getHeader("Content-Type")).startsWith("application/atom+xml");
            assertThat(body(delivery)).contains("Two");
            assertThat(delivery.getHeader("X-Hub-Signature")).as("no secret given, nothing signed").isNull();
            assertThat(stored(server, wrong.callback("/cb"))).isZero();
            assertThat(wrong.requests.get()).as("only the verification request").isEqualTo(1);
        }
    }

    @Test
    void anUnsubscribedOrExpiredCallbackGetsNoMoreDeliveries() {
        try (Upstream upstream = new Upstream("One"); Subscriber leaving = new Subscriber();
             Subscriber shortLease = new Subscriber(); Subscriber staying = new Subscriber()) {
            StoredPipe pipe = feedPipe(upstream);
            String topic = topic(server, pipe, OutputFormat.RSS);
            subscribe(server, topic, leaving.callback("/cb"));
            subscribe(server, topic, shortLease.callback("/cb"), "hub.lease_seconds", "3600");
            subscribe(server, topic, staying.callback("/cb"));
            for (Subscriber s : new Subscriber[] {leaving, shortLease, staying}) {
                s.nextVerification();
                awaitStored(server, s.callback("/cb"), 1);
            }

            var answer = unsubscribe(server, topic, leaving.callback("/cb"));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            HttpUrl check = leaving.nextVerification().getRequestUrl();
            assertThat(check.queryParameter("hub.mode")).isEqualTo("unsubscribe");
            assertThat(check.queryParameter("hub.topic")).isEqualTo(topic);
            assertThat(check.queryParameter("hub.lease_seconds")).isNull();
            awaitStored(server, leaving.callback("/cb"), 0);

            server.clock.advance(Duration.ofHours(2)); // past the one-hour lease
            upstream.items("Fri, 05 Jan 2024 00:00:00 GMT", "Two", "One");
            poll(path(topic));
            assertThat(body(staying.nextDelivery())).contains("Two");
            assertThat(leaving.deliveries).isEmpty();
            assertThat(shortLease.deliveries).isEmpty();
            assertThat(shortLease.requests.get()).isEqualTo(1);
        }
    }

    @Test
    void unsubscribingACallbackThatIsNotSubscribedAsksNobody() {
        try (Upstream upstream = new Upstream("One"); Subscriber stranger = new Subscriber()) {
            String topic = topic(server, feedPipe(upstream), OutputFormat.RSS);
            assertThat(unsubscribe(server, topic, stranger.callback("/cb")).statusCode()).isEqualTo(202);
            assertThat(stranger.requests.get()).isZero();
        }
    }

    @Test
    void aWebhookEventReachesSubscribersOfTheJsonFeedWithoutAnyonePolling() throws Exception {
        String hookId = HookFixtures.newHookId();
        StoredPipe pipe = server.save("owner@example.org", "Deploys", HookFixtures.pipeWithWebhook(hookId, ""), true);
        String topic = topic(server, pipe, OutputFormat.JSON);
        try (Subscriber subscriber = new Subscriber()) {
            subscribe(server, topic, subscriber.callback("/deploys"), "hub.secret", SECRET);
            subscriber.nextVerification();
            awaitStored(server, subscriber.callback("/deploys"), 1);

            assertThat(HookFixtures.post(server, hookId, "{\"title\":\"Deploy 42\"}", "Content-Type", "application/json")
                    .statusCode()).isEqualTo(202);
            RecordedRequest delivery = subscriber.nextDelivery();
            byte[] bytes = delivery.getBody().clone().readByteArray();
            assertThat(delivery.getHeader("Content-Type")).startsWith("application/feed+json");
            assertThat(delivery.getHeader("X-Hub-Signature")).isEqualTo("sha256=" + hmacSha256Hex(SECRET, bytes));
            JsonNode feed = JSON.readTree(bytes);
            assertThat(feed.get("items").get(0).get("title").asText()).isEqualTo("Deploy 42");
            assertThat(feed.get("hubs").get(0).get("url").asText()).isEqualTo(server.sluice.config().baseUrl() + "/websub");
            assertThat(feed.get("feed_url").asText()).isEqualTo(topic);
        }
    }
    @Test
    void aPipeThatOutputsDataIsDeniedNotVerified() throws Exception {
        try (okhttp3.mockwebserver.MockWebServer files = new okhttp3.mockwebserver.MockWebServer();
             Subscriber subscriber = new Subscriber()) {
            files.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public okhttp3.mockwebserver.MockResponse dispatch(RecordedRequest request) {
                    return new okhttp3.mockwebserver.MockResponse().setHeader("Content-Type", "application/json")
                            .setBody("{\"talks\":[{\"title\":\"Streams\"}]}");
                }
            });
            files.start(java.net.InetAddress.getLoopbackAddress(), 0);
            String json = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"dl\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"dl\",\"type\":\"WateredDownloadBlock\",\"userinputs\":[\"" + files.url("/talks.json") + "\"]}]}";
            StoredPipe pipe = server.save("owner@example.org", "Talks", json, true);
            String topic = topic(server, pipe, OutputFormat.JSON);
            assertThat(subscribe(server, topic, subscriber.callback("/cb")).statusCode()).isEqualTo(202);
            HttpUrl denial = subscriber.nextVerification().getRequestUrl();
            assertThat(denial.queryParameter("hub.mode")).isEqualTo("denied");
            assertThat(denial.queryParameter("hub.topic")).isEqualTo(topic);
            assertThat(denial.queryParameter("hub.reason")).contains("outputs data");
            assertThat(denial.queryParameter("hub.challenge")).isNull();
            assertThat(stored(server, subscriber.callback("/cb"))).isZero();
        }
    }
}
