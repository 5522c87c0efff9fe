package dev.sluice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.sluice.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Portier login end to end against a stand-in broker on loopback that signs with a
 * test key: the redirect to the broker, a valid id_token accepted (account created, session
 * cookie, redirect), and every forged, misdirected, replayed or expired token refused.
 */
class PortierLoginTest {
    static final String BASE = "https://sluice.example";
    static final String SESSION = "session-from-the-fake-starter";
    static StandInBroker broker;
    final List<Long> sessionsStarted = new CopyOnWriteArrayList<>();
    TestServer server;

    @BeforeAll
    static void startBroker() {
        broker = new StandInBroker();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void start() {
        server = serverFor(broker);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestServer serverFor(StandInBroker b) {
        return new TestServer(Map.of("SLUICE_PORTIER_BROKER", b.origin() + "/", "SLUICE_BASE_URL", BASE),
                TestServer.tempDir(), userId -> {
                    sessionsStarted.add(userId);
                    return SESSION;
                });
    }

    /** Starts a login the way the login form does; returns the broker URL's query parameters. */
    private Map<String, String> startLogin(String email, String next) {
        HttpResponse<String> r = server.get("/login/portier?email=" + encode(email) + "&next=" + encode(next));
        assertThat(r.statusCode()).isEqualTo(303);
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath()).isEqualTo(broker.origin() + "/auth");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private String nonce() {
        return startLogin("alice@example.org", "/pipes/abc").get("nonce");
    }

    /** The claims a broker puts in a good id_token for {@code email}. */
    private JWTClaimsSet.Builder claims(String nonce, String email) {
        Instant now = server.clock.instant();
        return new JWTClaimsSet.Builder().issuer(broker.origin()).audience(BASE).subject(email).claim("email", email)
                .claim("nonce", nonce).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    private HttpResponse<String> verify(String idToken) {
        return server.post("/login/portier/verify", "application/x-www-form-urlencoded", "id_token=" + encode(idToken));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void loginStartsWithTheImplicitFlowAtTheBroker() {
        Map<String, String> q = startLogin("Alice@Example.org", "/pipes/abc");
        assertThat(q).containsEntry("login_hint", "Alice@Example.org")
                .containsEntry("scope", "openid email")
                .containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post")
                .containsEntry("client_id", BASE)
                .containsEntry("redirect_uri", BASE + "/login/portier/verify");
        assertThat(q.get("nonce")).matches("[A-Za-z0-9_-]{43}");
        assertThat(startLogin("alice@example.org", "/").get("nonce")).as("a fresh nonce per login").isNotEqualTo(q.get("nonce"));
    }

    @Test
    void aValidTokenCreatesTheAccountStartsASessionAndGoesBack() {
        String nonce = nonce();
        assertThat(server.sluice.users().findByEmail("alice@example.org")).isEmpty();

        HttpResponse<String> r = verify(broker.sign(claims(nonce, "alice@example.org").build()));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/pipes/abc");
        long id = server.sluice.users().findByEmail("alice@example.org").orElseThrow().id();
        assertThat(sessionsStarted).containsExactly(id);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("sluice_session=" + SESSION + ";").contains("HttpOnly").contains("Path=/")
                .containsIgnoringCase("SameSite=Lax").as("the site is https").contains("Secure");
    }

    @Test
    void anExistingAccountIsReusedWhateverTheCaseOfTheAddress() {
        long id = server.sluice.users().findOrCreate("bob@example.org").id();
        String nonce = startLogin("Bob@Example.org", "/").get("nonce");
        assertThat(verify(broker.sign(claims(nonce, "Bob@Example.org").build())).statusCode()).isEqualTo(303);
        assertThat(sessionsStarted).containsExactly(id);
    }

    @Test
    void theKeysAreFetchedOnceForManyLogins() {
        int before = broker.keyFetches();
        for (int i = 0; i < 3; i++) {
            assertThat(verify(broker.sign(claims(nonce(), "alice@example.org").build())).statusCode()).isEqualTo(303);
        }
        assertThat(broker.keyFetches() - before).isEqualTo(1);
    }

    /** Ways an id_token can be wrong; each must be refused before any session exists. */
    enum Bad {
        SIGNED_WITH_ANOTHER_KEY("not signed by the login service"),
        FOR_ANOTHER_SITE("issued for another site"),
        FROM_ANOTHER_ISSUER("issued by another login service"),
        UNKNOWN_NONCE("already used or has lapsed"),
        NO_NONCE("incomplete"),
        EXPIRED("it has expired"),
        UNSIGNED("not signed by the login service"),
        SIGNED_WITH_HMAC("not signed by the login service");

        final String says;

        Bad(String says) {
            this.says = says;
        }

        String token(PortierLoginTest t, String nonce) {
            JWTClaimsSet.Builder c = t.claims(nonce, "mallory@example.org");
            Instant now = t.server.clock.instant();
            return switch (this) {
                case SIGNED_WITH_ANOTHER_KEY -> broker.forge(c.build());
                case FOR_ANOTHER_SITE -> broker.sign(c.audience("https://other.example").build());
                case FROM_ANOTHER_ISSUER -> broker.sign(c.issuer("https://evil-broker.example").build());
                case UNKNOWN_NONCE -> broker.sign(c.claim("nonce", "made-up-nonce").build());
                case NO_NONCE -> broker.sign(c.claim("nonce", null).build());
                // Past the minute of clock skew the verifier tolerates.
                case EXPIRED -> broker.sign(c.issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))).build());
                case UNSIGNED -> new PlainJWT(c.build()).serialize();
                case SIGNED_WITH_HMAC -> hmac(c.build());
            };
        }

        private static String hmac(JWTClaimsSet claims) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
                jwt.sign(new MACSigner("a-secret-of-at-least-thirty-two-bytes!!"));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void badTokensAreRefusedWithAClearPageAndNoSession(Bad bad) {
        HttpResponse<String> r = verify(bad.token(this, nonce()));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("Login failed: ").contains(bad.says).contains("/login").doesNotContain("JWT");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(sessionsStarted).isEmpty();
        assertThat(server.sluice.users().findByEmail("mallory@example.org")).isEmpty();
    }

    @Test
    void aNonceIsSpentByItsLogin() {
        String nonce = nonce();
        String token = broker.sign(claims(nonce, "alice@example.org").build());
        assertThat(verify(token).statusCode()).isEqualTo(303);

        HttpResponse<String> replay = verify(token);
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).contains("already used or has lapsed");
        assertThat(sessionsStarted).hasSize(1);
    }

    @Test
    void aLoginNotFinishedWithinFifteenMinutesLapses() {
        String nonce = nonce();
        server.clock.advance(PortierNonces.TTL.plusSeconds(1));
        HttpResponse<String> r = verify(broker.sign(claims(nonce, "alice@example.org").build()));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("lapsed");
    }

    @Test
    void aLittleClockSkewIsTolerated() {
        Instant now = server.clock.instant();
        String token = broker.sign(claims(nonce(), "alice@example.org")
                .expirationTime(Date.from(now.minusSeconds(30))).build());
        assertThat(verify(token).statusCode()).isEqualTo(303);
    }

    @ParameterizedTest(name = "[{index}] id_token={0}")
    @CsvSource({"''", "not-a-jwt", "a.b.c"})
    void malformedAnswersAre400(String idToken) {
        HttpResponse<String> r = idToken.isEmpty()
                ? server.post("/login/portier/verify", "application/x-www-form-urlencoded", "")
                : verify(idToken);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("Login failed: ");
        assertThat(sessionsStarted).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] email={0}")
    @CsvSource({"''", "nobody", "two@at@signs.example", "'spaces in@example.org'"})
    void startingWithoutAnAddressIs400(String email) {
        HttpResponse<String> r = server.get("/login/portier?email=" + encode(email));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("valid e-mail address");
    }

    @ParameterizedTest(name = "[{index}] next={0}")
    @CsvSource({"'', /mypipes", "/pipes/x?tab=1, /pipes/x?tab=1", "https://evil.example/, /mypipes",
            "//evil.example/, /mypipes", "/\\evil.example, /mypipes", "javascript:alert(1), /mypipes"})
    void loginsOnlyGoBackToThisSite(String next, String expected) {
        String nonce = startLogin("alice@example.org", next).get("nonce");
        HttpResponse<String> r = verify(broker.sign(claims(nonce, "alice@example.org").build()));
        assertThat(r.headers().firstValue("Location")).hasValue(expected);
    }

    @Test
    void anUnreachableBrokerIsReportedNotCrashedOn() {
        try (StandInBroker down = new StandInBroker(); TestServer other = serverFor(down)) {
            down.goDown();
            String location = other.get("/login/portier?email=alice%40example.org").headers().firstValue("Location").orElseThrow();
            String nonce = URLDecoder.decode(location.replaceFirst(".*[?&]nonce=([^&]*).*", "$1"), StandardCharsets.UTF_8);
            String token = down.sign(claims(nonce, "alice@example.org").issuer(down.origin()).build());

            HttpResponse<String> r = other.post("/login/portier/verify", "application/x-www-form-urlencoded", "id_token=" + encode(token));

            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).startsWith("Login failed: ").contains("cannot be reached");
            assertThat(sessionsStarted).isEmpty();
        }
    }

    @Test
    void withoutABrokerThereIsNoPortierLogin() {
        try (TestServer plain = TestServer.standard()) {
            assertThat(plain.get("/login/portier?email=alice%40example.org").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theLoginPageOffersPortierAndLetsItsFormReachTheBroker() {
        HttpResponse<String> page = server.get("/login");
        assertThat(page.body()).contains("action=\"/login/portier\"").contains("Log in with Portier");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' " + broker.origin());
        try (TestServer without = new TestServer(Map.of())) {
            HttpResponse<String> plain = without.get("/login");
            assertThat(plain.body()).doesNotContain("/login/portier");
            assertThat(plain.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self';");
        }
    }
}
