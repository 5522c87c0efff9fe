package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client for addresses strangers name (WebSub callbacks): the production policy refuses
 * loopback whether written as an address or reached through a name (checked when the name is
 * resolved), before any byte is sent; redirects are answers, never followed.
 */
class GuardedClientTest {
    private MockWebServer callback;
    private MockWebServer elsewhere;

    @BeforeEach
    void start() throws IOException {
        callback = TestDownloaders.upstream("127.0.0.1");
        elsewhere = TestDownloaders.upstream("127.0.0.1");
    }

    @AfterEach
    void stop() throws IOException {
        callback.shutdown();
        elsewhere.shutdown();
    }

    /** callback.test is a public-looking name whose DNS answer is 127.0.0.1. */
    private static GuardedClient client(AddressPolicy policy) {
        Resolver resolver = host -> host.equals("callback.test")
                ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                : Resolver.SYSTEM.resolve(host);
        return new GuardedClient(policy, resolver, "sluice-test", Duration.ofSeconds(5), 64);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:%d/cb     | 127.0.0.1 is a loopback address, refused",
            "http://localhost:%d/cb     | localhost resolves to a loopback address",
            "http://callback.test:%d/cb | callback.test resolves to a loopback address 127.0.0.1, refused",
            "http://[::1]:%d/cb         | ::1 is a loopback address, refused",
            "http://0x7f000001:%d/cb    | unusual way of writing 127.0.0.1",
    })
    void theProductionPolicyRefusesLoopbackCallbacksWithoutARequest(String template, String words) {
        String url = template.formatted(callback.getPort());
        try (GuardedClient client = client(AddressPolicy.publicOnly())) {
            assertThat(client.refusal(url)).hasValueSatisfying(why -> assertThat(why).contains(words));
            GuardedClient.Outcome get = client.get(url, Map.of("hub.challenge", "x"));
            GuardedClient.Outcome post = client.post(url, "body".getBytes(), "text/plain", Map.of());
            for (GuardedClient.Outcome outcome : new GuardedClient.Outcome[] {get, post}) {
                assertThat(outcome).isInstanceOfSatisfying(GuardedClient.Outcome.Failed.class, failed -> {
                    assertThat(failed.refused()).isTrue();
                    assertThat(failed.problem()).contains(words);
                });
            }
        }
        assertThat(callback.getRequestCount()).isZero();
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() {
        callback.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/inside").toString()));
        try (GuardedClient client = client(AddressPolicy.allowingEverything())) {
            GuardedClient.Outcome outcome = client.post(callback.url("/cb").toString(), "x".getBytes(), "text/plain", Map.of());
            assertThat(outcome).isEqualTo(new GuardedClient.Outcome.Answered(302, ""));
        }
        assertThat(callback.getRequestCount()).isEqualTo(1);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void anAnswerIsReadOnlyUpToTheCapAndQueryParametersAreAdded() throws Exception {
        callback.enqueue(new MockResponse().setBody("y".repeat(10_000)));
        try (GuardedClient client = client(AddressPolicy.allowingEverything())) {
            GuardedClient.Outcome outcome = client.get(callback.url("/cb?own=1").toString(), Map.of("hub.mode", "subscribe"));
            assertThat(outcome).isEqualTo(new GuardedClient.Outcome.Answered(200, "y".repeat(64)));
        }
        var request = callback.takeRequest();
        assertThat(request.getRequestUrl().queryParameter("own")).isEqualTo("1");
        assertThat(request.getRequestUrl().queryParameter("hub.mode")).isEqualTo("subscribe");
        assertThat(request.getHeader("User-Agent")).isEqualTo("sluice-test");
    }

    @Test
    void aConnectionThatFailsIsAFailureNotARefusal() throws IOException {
        int port = callback.getPort();
        callback.shutdown();
        try (GuardedClient client = client(AddressPolicy.allowingEverything())) {
            GuardedClient.Outcome outcome = client.get("http://127.0.0.1:" + port + "/cb", Map.of());
            assertThat(outcome).isInstanceOfSatisfying(GuardedClient.Outcome.Failed.class, f -> {
                assertThat(f.refused()).isFalse();
                assertThat(f.problem()).contains("could not connect");
            });
        }
    }
}
