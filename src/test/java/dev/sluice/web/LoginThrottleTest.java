package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate limits on login mail: 5 per address and 20 per IP in 15 minutes. Over the limit the
 * answer is 429 with Retry-After and no mail goes out — the same for every address.
 */
class LoginThrottleTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = LoginFixture.greenMail();

    LoginFixture login;

    @BeforeEach
    void start() {
        login = new LoginFixture(MAIL);
    }

    @AfterEach
    void stop() {
        login.close();
    }

    @Test
    void twentyRapidRequestsForOneAddressMailFiveLinks() {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = login.requestLink("alice@example.org", null);
            statuses.add(last.statusCode());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 20)).containsOnly(429);
        assertThat(login.mailsTo("alice@example.org")).hasSize(5);
        assertThat(last.body()).contains("Too many login requests").contains("No mail was sent").contains("<form");
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(3).toSeconds());
    }

    @Test
    void theLimitIsAWindowNotABan() {
        for (int i = 0; i < 6; i++) {
            login.requestLink("alice@example.org", null);
        }
        assertThat(login.requestLink("alice@example.org", null).statusCode()).isEqualTo(429);

        login.server.clock.advance(Duration.ofMinutes(3));
        assertThat(login.requestLink("alice@example.org", null).statusCode()).isEqualTo(200);
        assertThat(login.requestLink("alice@example.org", null).statusCode()).isEqualTo(429);

        login.server.clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            assertThat(login.requestLink("alice@example.org", null).statusCode()).isEqualTo(200);
        }
        assertThat(login.mailsTo("alice@example.org")).hasSize(11);
    }

    @Test
    void throttlingLooksTheSameForAnAccountAndForAStranger() {
        login.server.sluice.users().findOrCreate("known@example.org");
        HttpResponse<String> known = null;
        HttpResponse<String> stranger = null;
        for (int i = 0; i < 6; i++) {
            known = login.requestLink("known@example.org", null);
            stranger = login.requestLink("stranger@example.org", null);
        }

        assertThat(known.statusCode()).isEqualTo(stranger.statusCode()).isEqualTo(429);
        assertThat(known.headers().firstValue("Retry-After")).isEqualTo(stranger.headers().firstValue("Retry-After"));
        assertThat(known.body().replace("known@example.org", "ADDRESS"))
                .isEqualTo(stranger.body().replace("stranger@example.org", "ADDRESS"));
    }

    @Test
    void oneClientAsksForTwentyAddressesAtMost() {
        for (int i = 0; i < 20; i++) {
            assertThat(login.requestLink("user" + i + "@example.org", null).statusCode()).as("request %d", i).isEqualTo(200);
        }
        HttpResponse<String> over = login.requestLink("user20@example.org", null);

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(MAIL.getReceivedMessages()).hasSize(20);
        assertThat(login.mailsTo("user20@example.org")).isEmpty();
    }

    @Test
    void addressesDifferingOnlyInCaseShareOneLimit() {
        for (String variant : List.of("alice@example.org", "ALICE@example.org", "Alice@Example.Org", " alice@example.org",
                "alice@EXAMPLE.org")) {
            assertThat(login.requestLink(variant, null).statusCode()).isEqualTo(200);
        }
        assertThat(login.requestLink("aLiCe@example.org", null).statusCode()).isEqualTo(429);
    }
}
