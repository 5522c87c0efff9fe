package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The origin check on state-changing requests with a session cookie. The
 * request under test is "log out everywhere": if a forged one got through, the session would
 * be gone afterwards.
 */
class CsrfTest {
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

    private HttpResponse<String> logoutEverywhere(String session, String origin, String referer) {
        List<String> headers = new ArrayList<>(List.of("Cookie", "sluice_session=" + session));
        if (!origin.isEmpty()) {
            headers.addAll(List.of("Origin", origin));
        }
        if (!referer.isEmpty()) {
            headers.addAll(List.of("Referer", referer));
        }
        return login.server.post("/logout/everywhere", "application/x-www-form-urlencoded", "", headers.toArray(String[]::new));
    }

    @ParameterizedTest(name = "Origin [{0}] Referer [{1}] → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "http://sluice.test           |                                | 303",
            "HTTP://Sluice.TEST           |                                | 303",
            "http://sluice.test:80        |                                | 303",
            "                             | http://sluice.test/mypipes     | 303",
            "http://sluice.test           | https://evil.example/page      | 303",
            "https://evil.example         |                                | 403",
            "https://evil.example         | http://sluice.test/mypipes     | 403",
            "https://sluice.test          |                                | 403",
            "http://sluice.test:8080      |                                | 403",
            "http://sluice.test.evil.example |                             | 403",
            "null                         |                                | 403",
            "                             | https://evil.example/?http://sluice.test | 403",
            "                             | /mypipes                       | 403",
            "                             |                                | 403",
    })
    void aCookieAuthenticatedPostMustComeFromThisSite(String origin, String referer, int status) {
        String session = login.logIn("alice@example.org");

        HttpResponse<String> r = logoutEverywhere(session, origin == null ? "" : origin, referer == null ? "" : referer);

        assertThat(r.statusCode()).isEqualTo(status);
        boolean stillLoggedIn = login.get("/mypipes", session).statusCode() == 200;
        assertThat(stillLoggedIn).isEqualTo(status == 403);
        if (status == 403) {
            assertThat(r.body()).startsWith("Refused:");
        }
    }

    @Test
    void anonymousLoginRequestsAreExemptWhateverTheirOrigin() {
        HttpResponse<String> r = login.server.post("/login", "application/x-www-form-urlencoded", "email=alice%40example.org",
                "Origin", "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(login.mailsTo("alice@example.org")).hasSize(1);
    }

    @Test
    void readingNeedsNoOrigin() {
        String session = login.logIn("alice@example.org");
        HttpResponse<String> r = login.server.get("/mypipes", "Cookie", "sluice_session=" + session, "Origin", "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void theApiAnswersARefusalAsJson() {
        String session = login.logIn("alice@example.org");
        HttpResponse<String> r = login.server.post("/api/run", "application/json", "{}",
                "Cookie", "sluice_session=" + session, "Origin", "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("{\"error\":\"Refused: this request comes from another site");
    }
}
