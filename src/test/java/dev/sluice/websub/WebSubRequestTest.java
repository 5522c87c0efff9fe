package dev.sluice.websub;

import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static dev.sluice.websub.HubFixtures.hub;
import static dev.sluice.websub.HubFixtures.subscribe;
import static dev.sluice.websub.HubFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the hub refuses, and how it says so: malformed requests, topics that are not a public
 * pipe's feed on this server, oversized secrets and bodies, bad leases, floods of requests for one
 * callback host. A refused request never reaches the callback. Also: the hub takes requests from
 * other servers without a session or an Origin, and a browser's cookie changes nothing.
 */
class WebSubRequestTest {
    static TestServer server;
    static Subscriber subscriber;
    static Upstream upstream;
    static StoredPipe publicPipe;
    static StoredPipe privatePipe;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
        subscriber = new Subscriber();
        upstream = new Upstream("One");
        String json = pipe(feed("f", upstream.url()), output("f"));
        publicPipe = server.save("owner@example.org", "Public", json, true);
        privatePipe = server.save("owner@example.org", "Private", json, false);
    }

    @AfterAll
    static void stop() {
        server.close();
        subscriber.close();
        upstream.close();
    }

    static void assertRefused(HttpResponse<String> r, int status, String words) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(r.body()).contains(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no mode                |             | TOPIC | CALLBACK | hub.mode is missing",
            "unknown mode           | publish     | TOPIC | CALLBACK | hub.mode must be \"subscribe\" or \"unsubscribe\", not \"publish\"",
            "no topic               | subscribe   |       | CALLBACK | hub.topic is missing",
            "no callback            | subscribe   | TOPIC |          | hub.callback is missing",
            "callback not http      | subscribe   | TOPIC | ftp://files.example/x | hub.callback must be an absolute http or https URL",
            "callback not a URL     | subscribe   | TOPIC | /relative/callback    | hub.callback must be an absolute http or https URL",
    })
    void aMalformedRequestIs400WithWhatIsWrong(String name, String mode, String topic, String callback, String words) {
        Map<String, String> form = new HashMap<>();
        if (mode != null) {
            form.put("hub.mode", mode);
        }
        if (topic != null) {
            form.put("hub.topic", topic(server, publicPipe, OutputFormat.RSS));
        }
        if (callback != null) {
            form.put("hub.callback", callback.equals("CALLBACK") ? subscriber.callback("/cb") : callback);
        }
        String[] pairs = form.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        assertRefused(hub(server, pairs), 400, words);
        assertThat(subscriber.requests.get()).isZero();
    }

    @Test
    void anEmptyOrNonFormBodyIs400() {
        assertRefused(server.post("/websub", "application/x-www-form-urlencoded", ""), 400, "hub.mode is missing");
        assertRefused(server.post("/websub", "application/json", "{\"hub.mode\":\"subscribe\"}"), 400, "hub.mode is missing");
    }

    @Test
    void aTopicThatIsNotAPublicPipesFeedHereIsRefusedAlikeWhateverItIs() {
        String base = server.sluice.config().baseUrl();
        String[] topics = {
                "https://elsewhere.example/feed/" + publicPipe.id() + ".rss", // another server
                base + "/feed/NoSuchPipe00.rss", // no such pipe
                topic(server, privatePipe, OutputFormat.RSS), // a private pipe, even with its key
                base + "/feed/" + privatePipe.id() + ".atom",
                base + "/feed/" + publicPipe.id() + ".txt", // not a feed format
                base + "/pipe/" + publicPipe.id(), // the pipe's page, not its feed
                base + "/feed/" + publicPipe.id() + ".rss/extra",
                "not a URL at all",
        };
        for (String t : topics) {
            HttpResponse<String> r = subscribe(server, t, subscriber.callback("/cb"));
            assertRefused(r, 400, "hub.topic must be the feed URL of a public pipe on this server");
            assertThat(r.body()).as("nothing about the private pipe").doesNotContain("Private");
        }
        assertThat(subscriber.requests.get()).isZero();
    }

    @Test
    void aSecretOf200BytesOrMoreIsRefusedAndOneOf199Taken() {
        String topic = topic(server, publicPipe, OutputFormat.RSS);
        assertRefused(subscribe(server, topic, subscriber.callback("/cb"), "hub.secret", "s".repeat(200)), 400,
                "hub.secret must be less than 200 bytes");
        // bytes, not characters: 100 two-byte characters are 200 bytes
        assertRefused(subscribe(server, topic, subscriber.callback("/cb"), "hub.secret", "é".repeat(100)), 400,
                "hub.secret must be less than 200 bytes");
        assertThat(subscriber.requests.get()).isZero();
        try (Subscriber fine = new Subscriber()) {
            assertThat(subscribe(server, topic, fine.callback("/cb"), "hub.secret", "s".repeat(199)).statusCode()).isEqualTo(202);
            fine.nextVerification();
        }
    }

    @ParameterizedTest(name = "lease [{0}]")
    @CsvSource({"abc", "-5", "0", "1.5", "99999999999999999999", "3600 s"})
    void aLeaseThatIsNotAPositiveWholeNumberIs400(String lease) {
        assertRefused(subscribe(server, topic(server, publicPipe, OutputFormat.RSS), subscriber.callback("/cb"),
                "hub.lease_seconds", lease), 400, "hub.lease_seconds must be a whole number of seconds");
        assertThat(subscriber.requests.get()).isZero();
    }

    @ParameterizedTest(name = "lease {0} s → {1} s")
    @CsvSource({"10, 3600", "86400, 86400", "999999999, 2592000"})
    void aLeaseIsKeptWithinItsBoundsAndTheCallbackIsToldWhichItGot(String asked, String granted) {
        try (Subscriber s = new Subscriber()) {
            assertThat(subscribe(server, topic(server, publicPipe, OutputFormat.RSS), s.callback("/cb"),
                    "hub.lease_seconds", asked).statusCode()).isEqualTo(202);
            assertThat(s.nextVerification().getRequestUrl().queryParameter("hub.lease_seconds")).isEqualTo(granted);
        }
    }

    @Test
    void overlongUrlsAndBodiesAreRefused() {
        String topic = topic(server, publicPipe, OutputFormat.RSS);
        assertRefused(subscribe(server, topic + "?x=" + "a".repeat(2100), subscriber.callback("/cb")), 400,
                "hub.topic is longer than 2000 characters");
        assertRefused(subscribe(server, topic, subscriber.callback("/cb?x=" + "a".repeat(2100))), 400,
                "hub.callback is longer than 2000 characters");
        HttpResponse<String> huge = server.post("/websub", "application/x-www-form-urlencoded",
                "hub.mode=subscribe&hub.secret=" + "x".repeat(2 * 1024 * 1024));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(subscriber.requests.get()).isZero();
    }

    @Test
    void aFloodOfRequestsForOneCallbackHostIsCutOffWith429() {
        String topic = topic(server, publicPipe, OutputFormat.RSS);
        int accepted = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < Hub.PER_CALLBACK_HOST + 10; i++) {
            // nothing listens there: the verifications fail at once, on loopback
            HttpResponse<String> r = subscribe(server, topic, "http://127.0.0.9:9/flood/" + i);
            if (r.statusCode() == 202) {
                accepted++;
            } else {
                limited = r;
            }
        }
        assertThat(accepted).isEqualTo(Hub.PER_CALLBACK_HOST);
        assertThat(limited).isNotNull();
        assertRefused(limited, 429, "Too many subscription requests for callbacks on 127.0.0.9");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        // another host is not held up by it
        try (Subscriber other = new Subscriber()) {
            assertThat(subscribe(server, topic, other.callback("/cb")).statusCode()).isEqualTo(202);
            other.nextVerification();
        }
    }

    @Test
    void theHubNeedsNoSessionAndABrowsersCookieFromAnotherSiteChangesNothing() {
        String session = server.session("someone@example.org");
        try (Subscriber s = new Subscriber()) {
            HttpResponse<String> r = server.post("/websub", "application/x-www-form-urlencoded",
                    "hub.mode=subscribe&hub.topic=" + java.net.URLEncoder.encode(topic(server, publicPipe, OutputFormat.RSS),
                            java.nio.charset.StandardCharsets.UTF_8) + "&hub.callback="
                            + java.net.URLEncoder.encode(s.callback("/cb"), java.nio.charset.StandardCharsets.UTF_8),
                    "Cookie", "sluice_session=" + session, "Origin", "https://evil.example");
            assertThat(r.statusCode()).as("no CSRF refusal: the hub acts for no account").isEqualTo(202);
            assertThat(r.headers().firstValue("Set-Cookie")).as("and no session handling").isEmpty();
            s.nextVerification();
        }
    }
}
