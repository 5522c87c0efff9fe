package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeJsonForTests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Magic-link login end to end: the form, the mail on a real SMTP server, the link, the session. */
class LoginFlowTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = LoginFixture.greenMail();
    private static final String PIPE = PipeJsonForTests.pipe(PipeJsonForTests.feed("feed1", "http://127.0.0.1:9/feed.xml"),
            PipeJsonForTests.output("feed1"));

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
    void requestMailFollowTheLinkAndSeeMyPipes() throws Exception {
        StoredPipe pipe = login.server.save("alice@example.org", "Rust news", PIPE, false);

        HttpResponse<String> sent = login.requestLink("Alice@Example.org", null);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your mail");
        assertThat(login.mailsTo("alice@example.org")).hasSize(1);
        assertThat(login.mailsTo("alice@example.org").get(0).getSubject()).isEqualTo("Your Sluice login link");
        assertThat(login.mailsTo("alice@example.org").get(0).getFrom()[0].toString()).isEqualTo("login@sluice.test");

        HttpResponse<String> landed = login.server.get(login.lastLinkTo("alice@example.org"));
        assertThat(landed.statusCode()).isEqualTo(303);
        assertThat(landed.headers().firstValue("Location")).hasValue("/mypipes");
        String session = LoginFixture.sessionCookie(landed).orElseThrow();

        HttpResponse<String> mine = login.get("/mypipes", session);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("alice@example.org", "Rust news", "/feed/" + pipe.id() + ".rss?key=" + pipe.feedKey());
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxSiteWideAndLastsThirtyDays() {
        login.requestLink("alice@example.org", null);
        HttpResponse<String> landed = login.server.get(login.lastLinkTo("alice@example.org"));
        String header = LoginFixture.setCookie(landed).orElseThrow();
        assertThat(header).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").contains("Max-Age=2592000").doesNotContainIgnoringCase("Secure");
        assertThat(LoginFixture.sessionCookie(landed).orElseThrow()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theCookieIsSecureWhenTheSiteIsServedOverHttps() {
        try (LoginFixture https = new LoginFixture(MAIL, Map.of("SLUICE_BASE_URL", "https://sluice.test"), null)) {
            https.requestLink("alice@example.org", null);
            HttpResponse<String> landed = https.server.get(https.lastLinkTo("alice@example.org"));
            assertThat(LoginFixture.setCookie(landed).orElseThrow()).containsIgnoringCase("Secure");
        }
    }

    @Test
    void followingALinkCreatesTheAccountAskingForOneDoesNot() {
        login.requestLink("new@example.org", null);
        assertThat(login.server.sluice.users().findByEmail("new@example.org")).isEmpty();

        login.server.get(login.lastLinkTo("new@example.org"));
        assertThat(login.server.sluice.users().findByEmail("new@example.org")).isPresent();
    }

    @Test
    void aLinkWorksOnce() {
        login.requestLink("alice@example.org", null);
        String link = login.lastLinkTo("alice@example.org");
        assertThat(login.server.get(link).statusCode()).isEqualTo(303);

        HttpResponse<String> again = login.server.get(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used").contains("href=\"/login\"");
        assertThat(LoginFixture.sessionCookie(again)).isEmpty();
    }

    @Test
    void aLinkWorksForFifteenMinutes() {
        login.requestLink("alice@example.org", null);
        String early = login.lastLinkTo("alice@example.org");
        login.server.clock.advance(Duration.ofMinutes(14));
        assertThat(login.server.get(early).statusCode()).isEqualTo(303);

        login.requestLink("alice@example.org", null);
        String late = login.lastLinkTo("alice@example.org");
        login.server.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        HttpResponse<String> expired = login.server.get(late);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired").contains("href=\"/login\"");
        assertThat(LoginFixture.sessionCookie(expired)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?token=", "?token=nope", "?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "?token=%3Cscript%3E"})
    void anUnknownLinkIsRefusedWithAWayBack(String query) {
        HttpResponse<String> r = login.server.get("/login/verify" + query);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not valid").contains("href=\"/login\"").doesNotContain("<script>");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() {
        login.server.sluice.users().findOrCreate("known@example.org");

        HttpResponse<String> known = login.requestLink("known@example.org", null);
        HttpResponse<String> unknown = login.requestLink("stranger@example.org", null);

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
        assertThat(unknown.headers().firstValue("Content-Type")).isEqualTo(known.headers().firstValue("Content-Type"));
        assertThat(unknown.body().replace("stranger@example.org", "ADDRESS"))
                .isEqualTo(known.body().replace("known@example.org", "ADDRESS"));
        assertThat(login.mailsTo("known@example.org")).hasSize(1);
        assertThat(login.mailsTo("stranger@example.org")).hasSize(1);
    }

    @Test
    void theNextPageIsKeptThroughTheFormAndTheMail() {
        HttpResponse<String> form = login.server.get("/login?next=/pipe/abc%3Fx%3D1");
        assertThat(form.body()).contains("name=\"next\" value=\"/pipe/abc?x=1\"");

        login.requestLink("alice@example.org", "/pipe/abc?x=1");
        HttpResponse<String> landed = login.server.get(login.lastLinkTo("alice@example.org"));
        assertThat(landed.headers().firstValue("Location")).hasValue("/pipe/abc?x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "/\\evil.example", "/\t/evil.example",
            "javascript:alert(1)", "evil.example", "http:/evil.example", " /mypipes", "/ok\n"})
    void anUnsafeNextPageIsIgnored(String next) {
        HttpResponse<String> form = login.server.get("/login?next=" + LoginFixture.encode(next));
        assertThat(form.body()).doesNotContain("name=\"next\"");

        login.requestLink("alice@example.org", next);
        HttpResponse<String> landed = login.server.get(login.lastLinkTo("alice@example.org"));
        assertThat(landed.headers().firstValue("Location")).hasValue("/mypipes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not-an-address", "Bob <bob@example.org>", "a@b@example.org",
            "bob@example.org\r\nBcc: eve@example.org", "a@example.org, b@example.org"})
    void aMalformedAddressIsRefusedAndNothingIsMailed(String email) {
        HttpResponse<String> r = login.requestLink(email, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not an e-mail address").contains("<form");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void whenTheMailServerIsDownTheUserIsToldToTryAgain() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (LoginFixture down = new LoginFixture(MAIL, Map.of("SLUICE_SMTP_PORT", Integer.toString(closedPort)), null)) {
            down.server.sluice.users().findOrCreate("known@example.org");
            HttpResponse<String> known = down.requestLink("known@example.org", null);
            HttpResponse<String> stranger = down.requestLink("stranger@example.org", null);

            assertThat(known.statusCode()).isEqualTo(stranger.statusCode()).isEqualTo(503);
            assertThat(known.body()).contains("could not be sent").contains("<form");
            assertThat(known.body().replace("known@example.org", "ADDRESS"))
                    .isEqualTo(stranger.body().replace("stranger@example.org", "ADDRESS"));
        }
    }

    @Test
    void myPipesSendsAnonymousVisitorsToLogInFirst() {
        HttpResponse<String> r = login.server.get("/mypipes");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/login?next=%2Fmypipes");
    }
}
