package dev.sluice.websub;

import static dev.sluice.websub.HubFixtures.subscribe;
import static dev.sluice.websub.HubFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.feed.OutputFormat;
import dev.sluice.hook.HookFixtures;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server with the SSRF guard in its production mode (private networks refused): a subscription
 * whose callback is on loopback — written as an address, or a name that resolves there — is
 * refused at once, and the subscriber on loopback never gets a request.
 */
class WebSubGuardTest {
    static TestServer server;
    static StoredPipe pipe;

    @BeforeAll
    static void start() {
        server = new TestServer(Map.of("SLUICE_ALLOW_PRIVATE_NETWORKS", "false"));
        // a pipe that needs no upstream: its Webhook block
        pipe = server.save("owner@example.org", "Hooked", HookFixtures.pipeWithWebhook(HookFixtures.newHookId(), ""), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:%d/cb   | 127.0.0.1 is a loopback address, refused",
            "http://localhost:%d/cb   | localhost resolves to a loopback address",
            "http://127.0.0.1.:%d/cb  | unusual way of writing 127.0.0.1",
            "http://[::1]:%d/cb       | ::1 is a loopback address, refused",
    })
    void aCallbackTheGuardRefusesIsRefusedWithNoRequest(String template, String words) {
        try (Subscriber subscriber = new Subscriber()) {
            String callback = template.formatted(subscriber.server.getPort());
            HttpResponse<String> r = subscribe(server, topic(server, pipe, OutputFormat.RSS), callback);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).startsWith("hub.callback cannot be used: ").contains(words);
            assertThat(subscriber.requests.get()).isZero();
            assertThat(HubFixtures.stored(server, callback)).isZero();
        }
    }
}
