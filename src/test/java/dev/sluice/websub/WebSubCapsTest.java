package dev.sluice.websub;

import static dev.sluice.websub.HubFixtures.awaitStored;
import static dev.sluice.websub.HubFixtures.subscribe;
import static dev.sluice.websub.HubFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.feed.OutputFormat;
import dev.sluice.hook.HookFixtures;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The caps (here 2 per feed, 3 in all): new subscriptions past them are refused, renewals are not. */
class WebSubCapsTest {

    static void confirmed(TestServer server, String topic, Subscriber s) {
        HttpResponse<String> r = subscribe(server, topic, s.callback("/cb"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        s.nextVerification();
        awaitStored(server, s.callback("/cb"), 1);
    }

    @Test
    void subscriptionsPastTheCapsAreRefusedAndRenewalsStillTaken() {
        try (TestServer server = new TestServer(Map.of("SLUICE_WEBSUB_MAX_PER_FEED", "2", "SLUICE_WEBSUB_MAX_SUBSCRIPTIONS", "3"));
             Subscriber a = new Subscriber(); Subscriber b = new Subscriber(); Subscriber c = new Subscriber();
             Subscriber d = new Subscriber(); Subscriber e = new Subscriber()) {
            StoredPipe one = server.save("owner@example.org", "One", HookFixtures.pipeWithWebhook(HookFixtures.newHookId(), ""), true);
            StoredPipe two = server.save("owner@example.org", "Two", HookFixtures.pipeWithWebhook(HookFixtures.newHookId(), ""), true);
            String first = topic(server, one, OutputFormat.RSS);
            String second = topic(server, two, OutputFormat.ATOM);
            confirmed(server, first, a);
            // another format of the same pipe counts towards the same feed's cap
            confirmed(server, topic(server, one, OutputFormat.JSON), b);

            HttpResponse<String> full = subscribe(server, first, c.callback("/cb"));
            assertThat(full.statusCode()).isEqualTo(403);
            assertThat(full.body()).contains("as many subscriptions as the hub takes for one pipe (2)");
            assertThat(c.requests.get()).isZero();

            assertThat(subscribe(server, first, a.callback("/cb")).statusCode()).as("a renewal").isEqualTo(202);
            a.nextVerification();

            confirmed(server, second, d);
            HttpResponse<String> hubFull = subscribe(server, second, e.callback("/cb"));
            assertThat(hubFull.statusCode()).isEqualTo(503);
            assertThat(hubFull.body()).contains("as many subscriptions as it takes (3)");
            assertThat(e.requests.get()).isZero();
        }
    }
}
