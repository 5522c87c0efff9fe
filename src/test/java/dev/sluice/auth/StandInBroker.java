package dev.sluice.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A Portier broker for tests, on 127.0.0.1: serves an OpenID discovery document and a JWKS with
 * one RSA key, and signs id_tokens with that key (or, to forge one, with another key that claims
 * the same key id).
 */
final class StandInBroker implements AutoCloseable {
    static final String KEY_ID = "broker-key-1";
    /** Generated once: RSA key generation is slow, and the tests only need the keys to differ. */
    private static final RSAKey KEY = generate();
    private static final RSAKey IMPOSTOR = generate();

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private volatile boolean down;

    StandInBroker() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (down) {
                    return new MockResponse().setResponseCode(503).setBody("down for maintenance");
                }
                return switch (String.valueOf(request.getPath())) {
                    case "/.well-known/openid-configuration" -> json("{\"issuer\":\"" + origin() + "\","
                            + "\"authorization_endpoint\":\"" + origin() + "/auth\",\"jwks_uri\":\"" + origin() + "/keys.json\","
                            + "\"response_types_supported\":[\"id_token\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
                    case "/keys.json" -> {
                        keyFetches.incrementAndGet();
                        yield json(new JWKSet(KEY.toPublicJWK()).toString());
                    }
                    default -> new MockResponse().setResponseCode(404);
                };
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getPort();
    }

    int keyFetches() {
        return keyFetches.get();
    }

    /** Makes every broker URL answer 503, as during an outage. */
    void goDown() {
        down = true;
    }

    /** An id_token signed with the broker's key. */
    String sign(JWTClaimsSet claims) {
        return sign(claims, KEY);
    }

    /** An id_token that names the broker's key id but is signed with another key. */
    String forge(JWTClaimsSet claims) {
        return sign(claims, IMPOSTOR);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            // a test server going away: nothing to do
        }
    }
}
