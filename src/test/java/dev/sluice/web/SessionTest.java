package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeJsonForTests;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions as a browser sees them: they last, slide, survive restarts and end on logout. */
class SessionTest {
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

    private boolean loggedIn(LoginFixture at, String session) {
        HttpResponse<String> r = at.get("/mypipes", session);
        return r.statusCode() == 200;
    }

    @Test
    void logoutEndsThisSessionAndClearsTheCookie() {
        String session = login.logIn("alice@example.org");
        String otherBrowser = login.logIn("alice@example.org");

        HttpResponse<String> out = login.post("/logout", session);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
        assertThat(LoginFixture.setCookie(out).orElseThrow()).contains("Max-Age=0");
        assertThat(LoginFixture.sessionCookie(out)).hasValue("");

        assertThat(loggedIn(login, session)).isFalse();
        assertThat(loggedIn(login, otherBrowser)).isTrue();
    }

    @Test
    void logoutEverywhereEndsAllOfTheUsersSessionsAndNoOneElses() {
        String phone = login.logIn("alice@example.org");
        String laptop = login.logIn("alice@example.org");
        String bob = login.logIn("bob@example.org");

        HttpResponse<String> out = login.post("/logout/everywhere", laptop);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(LoginFixture.setCookie(out).orElseThrow()).contains("Max-Age=0");

        assertThat(loggedIn(login, phone)).isFalse();
        assertThat(loggedIn(login, laptop)).isFalse();
        assertThat(loggedIn(login, bob)).isTrue();
    }

    @Test
    void logoutEverywhereNeedsALoggedInCaller() {
        HttpResponse<String> r = login.server.post("/logout/everywhere", "application/x-www-form-urlencoded", "",
                "Origin", LoginFixture.BASE);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }

    @Test
    void sessionsSurviveARestart() {
        String session = login.logIn("alice@example.org");
        Path dataDir = login.server.dataDir;
        login.close();

        login = new LoginFixture(MAIL, Map.of(), dataDir);
        HttpResponse<String> mine = login.get("/mypipes", session);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("alice@example.org");
    }

    @Test
    void aSessionUsedWithinThirtyDaysLivesOn() {
        String session = login.logIn("alice@example.org");
        for (int month = 0; month < 3; month++) {
            login.server.clock.advance(Duration.ofDays(29));
            HttpResponse<String> r = login.get("/mypipes", session);
            assertThat(r.statusCode()).as("after %d × 29 days", month + 1).isEqualTo(200);
            // The browser's copy is extended with the server's.
            assertThat(LoginFixture.setCookie(r).orElseThrow()).contains(session).contains("Max-Age=2592000");
        }
    }

    @Test
    void aSessionIsExtendedAtMostOnceAnHour() {
        String session = login.logIn("alice@example.org");
        login.server.clock.advance(Duration.ofMinutes(59));
        assertThat(LoginFixture.setCookie(login.get("/mypipes", session))).isEmpty();

        login.server.clock.advance(Duration.ofMinutes(2));
        assertThat(LoginFixture.setCookie(login.get("/mypipes", session))).isPresent();
        assertThat(LoginFixture.setCookie(login.get("/mypipes", session))).isEmpty();
    }

    @Test
    void aPublicFeedNeverCarriesTheSessionCookie() {
        String session = login.logIn("alice@example.org");
        StoredPipe pipe = login.server.save("alice@example.org", "Public", PipeJsonForTests.pipe(
                PipeJsonForTests.feed("feed1", "http://127.0.0.1:9/feed.xml"), PipeJsonForTests.output("feed1")), true);
        login.server.clock.advance(Duration.ofHours(2));

        HttpResponse<String> feed = login.get("/feed/" + pipe.id() + ".rss", session);
        assertThat(feed.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(feed.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(loggedIn(login, session)).isTrue();
    }

    @Test
    void aSessionUnusedForThirtyDaysIsOver() {
        String session = login.logIn("alice@example.org");
        login.server.clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertThat(loggedIn(login, session)).isFalse();
    }

    @Test
    void aMadeUpOrTamperedCookieIsAnonymous() {
        String session = login.logIn("alice@example.org");
        String tampered = (session.charAt(0) == 'A' ? "B" : "A") + session.substring(1);
        for (String cookie : new String[] {tampered, "x", "", session + "A", "%00"}) {
            assertThat(loggedIn(login, cookie)).as(cookie).isFalse();
        }
    }

    @Test
    void followingANewLinkReplacesTheBrowsersOldSession() {
        String old = login.logIn("alice@example.org");
        login.requestLink("bob@example.org", null);
        HttpResponse<String> landed = login.get(login.lastLinkTo("bob@example.org"), old);
        String fresh = LoginFixture.sessionCookie(landed).orElseThrow();

        assertThat(fresh).isNotEqualTo(old);
        assertThat(loggedIn(login, old)).isFalse();
        assertThat(login.get("/mypipes", fresh).body()).contains("bob@example.org");
    }
}
