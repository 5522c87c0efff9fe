package dev.sluice.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The Portier broker this server trusts ({@code SLUICE_PORTIER_BROKER}): where logins
 * are sent, and the source of the keys its id_tokens are signed with. The keys are found through
 * the broker's OpenID discovery document and cached by Nimbus's JWK source, which refetches
 * (rate-limited) when a token names a key it has not seen, so the broker can rotate keys.
 * The broker is configured by the admin, not by users, so it is fetched with a plain client
 * rather than the SSRF-guarded downloader.
 */
public final class PortierBroker implements JWKSource<SecurityContext> {
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    /** Largest discovery document or key set read: both are a few KiB. */
    static final int MAX_DOCUMENT_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String origin;
    private final OkHttpClient http;
    private volatile JWKSource<SecurityContext> keys;

    /** @param origin the broker's URL, e.g. {@code https://broker.portier.io}; it is also the issuer of its tokens */
    public PortierBroker(String origin, OkHttpClient http) {
        this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        this.http = http;
    }

    /** The expected {@code iss} of the broker's tokens. */
    public String issuer() {
        return origin;
    }

    /** Where the browser is sent to prove it owns {@code email} (the implicit flow, answered by form post). */
    public URI authorizationUrl(String email, String nonce, String clientId, String redirectUri) {
        return URI.create(origin + "/auth?login_hint=" + encode(email)
                + "&scope=openid%20email"
                + "&nonce=" + encode(nonce)
                + "&response_type=id_token"
                + "&response_mode=form_post"
                + "&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri));
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return keySource().get(selector, context);
    }

    /** The broker's key source, built on first use from its discovery document (retried until that works). */
    private JWKSource<SecurityContext> keySource() throws KeySourceException {
        JWKSource<SecurityContext> source = keys;
        if (source != null) {
            return source;
        }
        synchronized (this) {
            if (keys == null) {
                keys = JWKSourceBuilder.create(jwksUri(), (ResourceRetriever) this::retrieve).build();
            }
            return keys;
        }
    }

    private URL jwksUri() throws KeySourceException {
        try {
            Resource discovery = retrieve(URI.create(origin + DISCOVERY_PATH).toURL());
            JsonNode doc = JSON.readTree(discovery.getContent());
            String jwks = doc.path("jwks_uri").asText("");
            if (jwks.isEmpty()) {
                throw new KeySourceException("The Portier broker's discovery document has no jwks_uri");
            }
            return URI.create(jwks).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new KeySourceException("Cannot read the Portier broker's discovery document at " + origin
                    + DISCOVERY_PATH + ": " + e.getMessage(), e);
        }
    }

    /** Fetches a small JSON document from the broker with OkHttp, for Nimbus and the discovery step. */
    private Resource retrieve(URL url) throws IOException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException(url + " answered HTTP " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                byte[] body = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
                if (body.length > MAX_DOCUMENT_BYTES) {
                    throw new IOException(url + " is larger than " + MAX_DOCUMENT_BYTES / 1024 + " KiB");
                }
                return new Resource(new String(body, StandardCharsets.UTF_8), response.header("Content-Type"));
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
