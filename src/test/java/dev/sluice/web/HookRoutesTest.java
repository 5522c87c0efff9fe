package dev.sluice.web;

import static dev.sluice.hook.HookFixtures.newHookId;
import static dev.sluice.hook.HookFixtures.pipeWithWebhook;
import static dev.sluice.hook.HookFixtures.post;
import static dev.sluice.hook.HookFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.hook.HookFixtures;
import dev.sluice.hook.Signatures;
import dev.sluice.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /hook/<hookId>} on a real server with a real SQLite file. */
class HookRoutesTest {
    static final String SECRET = "s3cr3t-for-tests";
    static final int MIB = 1024 * 1024;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A saved public pipe with a Webhook block; answers the hook id. */
    private static String hook(String secret) {
        String id = newHookId();
        server.save("hooks@example.org", "Hook " + id, pipeWithWebhook(id, secret), true);
        return id;
    }

    private static long now() {
        return server.clock.instant().getEpochSecond();
    }

    @Test
    void anUnknownHookIsNotFound() {
        HttpResponse<String> r = post(server, newHookId(), "{}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(post(server, "no-such-hook", "{}").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "application/json|{\"title\":\"Deploy finished\",\"ok\":true}",
            "application/xml; charset=utf-8|<event><title>Deploy</title></event>",
            "application/x-www-form-urlencoded|payload=%7B%22a%22%3A1%7D&x=%C3%A4",
            "text/plain; charset=utf-8|Grüße, plain text",
    })
    void storesTheRawBodyWithItsContentTypeBeforeAnswering202(String contentType, String body) throws Exception {
        String id = hook("");
        HttpResponse<String> r = post(server, id, body, "Content-Type", contentType);
        assertThat(r.statusCode()).isEqualTo(202);
        try (Connection c = HookFixtures.open(server.dataDir); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT content_type, body FROM hook_events WHERE hook_id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("Jetty may normalise the charset's case").isEqualToIgnoringCase(contentType);
            assertThat(new String(rs.getBytes(2), StandardCharsets.UTF_8)).isEqualTo(body);
        }
    }

    @Test
    void acceptsAGitHubStyleSignature() {
        String id = hook(SECRET);
        String body = "{\"action\":\"opened\"}";
        assertThat(post(server, id, body, "X-Hub-Signature-256", Signatures.github(SECRET, body)).statusCode()).isEqualTo(202);
        assertThat(stored(server.dataDir, id)).isEqualTo(1);
    }

    @Test
    void acceptsASluiceStyleSignature() {
        String id = hook(SECRET);
        String body = "{\"title\":\"signed\"}";
        assertThat(post(server, id, body, "X-Sluice-Signature", Signatures.sluice(SECRET, now(), body)).statusCode())
                .isEqualTo(202);
        assertThat(stored(server.dataDir, id)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "wrong secret (GitHub)", "wrong secret (Sluice)", "other body", "replay 6 min old",
            "replay 301 s old", "signed 10 min ahead"})
    void refusesABadSignatureWith401AndStoresNothing(String kind) {
        String id = hook(SECRET);
        String body = "{\"title\":\"pay me\"}";
        String[] headers = switch (kind) {
            case "missing" -> new String[] {"Content-Type", "application/json"};
            case "wrong secret (GitHub)" -> new String[] {"X-Hub-Signature-256", Signatures.github("guess", body)};
            case "wrong secret (Sluice)" -> new String[] {"X-Sluice-Signature", Signatures.sluice("guess", now(), body)};
            case "other body" -> new String[] {"X-Hub-Signature-256", Signatures.github(SECRET, "{}")};
            case "replay 6 min old" -> new String[] {"X-Sluice-Signature", Signatures.sluice(SECRET, now() - 360, body)};
            case "replay 301 s old" -> new String[] {"X-Sluice-Signature", Signatures.sluice(SECRET, now() - 301, body)};
            case "signed 10 min ahead" -> new String[] {"X-Sluice-Signature", Signatures.sluice(SECRET, now() + 600, body)};
            default -> throw new IllegalArgumentException(kind);
        };
        HttpResponse<String> r = post(server, id, body, headers);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain(SECRET);
        assertThat(stored(server.dataDir, id)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Idempotency-Key", "X-GitHub-Delivery"})
    void storesARepeatedDeliveryOnce(String header) {
        String id = hook("");
        HttpResponse<String> first = post(server, id, "{\"n\":1}", header, "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        HttpResponse<String> again = post(server, id, "{\"n\":1,\"redelivered\":true}", header, "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        HttpResponse<String> other = post(server, id, "{\"n\":1}", header, "8f1e0c2a-cc78-11e3-81ab-4c9367dc0958");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
        assertThat(other.statusCode()).as("another delivery with the same body").isEqualTo(202);
        assertThat(stored(server.dataDir, id)).isEqualTo(2);
    }

    @Test
    void storesTheSameBodyWithoutDeliveryIdOnceWithinTenMinutes() {
        String id = hook("");
        String body = "{\"title\":\"ping\"}";
        assertThat(post(server, id, body).statusCode()).isEqualTo(202);
        server.clock.advance(Duration.ofMinutes(9));
        HttpResponse<String> repeat = post(server, id, body);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).contains("duplicate");
        assertThat(post(server, id, "{\"title\":\"pong\"}").statusCode()).as("another body").isEqualTo(202);
        server.clock.advance(Duration.ofMinutes(2));
        assertThat(post(server, id, body).statusCode()).as("11 min after the first").isEqualTo(202);
        assertThat(stored(server.dataDir, id)).isEqualTo(3);
    }

    @Test
    void acceptsOneMebibyteAndRefusesOneByteMoreWith413() {
        String id = hook("");
        byte[] limit = new byte[MIB];
        Arrays.fill(limit, (byte) 'a');
        byte[] over = new byte[MIB + 1];
        Arrays.fill(over, (byte) 'b');
        assertThat(post(server, id, limit, "Content-Type", "text/plain").statusCode()).isEqualTo(202);
        HttpResponse<String> r = post(server, id, over, "Content-Type", "text/plain");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("1 MiB");
        assertThat(stored(server.dataDir, id)).isEqualTo(1);
    }

    @Test
    void countsTheBytesReadWhenNoLengthIsDeclared() {
        String id = hook("");
        byte[] over = new byte[MIB + 1];
        // A streamed body is sent chunked, without Content-Length: only counting the bytes catches it.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.url("/hook/" + id)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))).build();
        assertThat(HookFixtures.send(chunked).statusCode()).isEqualTo(413);
        assertThat(stored(server.dataDir, id)).isZero();
    }

    @Test
    void refusesAnOversizedDeclaredLengthWithoutWaitingForTheBody() throws Exception {
        String id = hook("");
        try (Socket socket = new Socket("127.0.0.1", server.sluice.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /hook/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
        assertThat(stored(server.dataDir, id)).isZero();
    }

    @Test
    void aBurstBeyondTheLimitGets429WithRetryAfter() {
        String id = hook("");
        long accepted = IntStream.range(0, 20)
                .filter(i -> post(server, id, "{\"n\":" + i + "}").statusCode() == 202).count();
        HttpResponse<String> limited = post(server, id, "{\"n\":20}");
        assertThat(accepted).isEqualTo(20);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(stored(server.dataDir, id)).isEqualTo(20);
        server.clock.advance(Duration.ofSeconds(1));
        assertThat(post(server, id, "{\"n\":21}").statusCode()).as("after Retry-After").isEqualTo(202);
    }

    @Test
    void requestsWithoutTheSecretDoNotUseUpTheHooksBudget() {
        String id = hook(SECRET);
        IntStream.range(0, 30).forEach(i -> assertThat(post(server, id, "{\"forged\":" + i + "}",
                "X-Hub-Signature-256", Signatures.github("guess", "{}")).statusCode()).isEqualTo(401));
        String body = "{\"genuine\":true}";
        assertThat(post(server, id, body, "X-Hub-Signature-256", Signatures.github(SECRET, body)).statusCode()).isEqualTo(202);
    }

    @Test
    void refusesAnOverlongDeliveryId() {
        String id = hook("");
        HttpResponse<String> r = post(server, id, "{}", "Idempotency-Key", "k".repeat(201));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("longer than 200 characters");
        assertThat(stored(server.dataDir, id)).isZero();
    }

    @Test
    void aBusyDatabaseGets503WithRetryAfterNeverASilentDrop() throws Exception {
        String id = hook("");
        try (Connection locker = HookFixtures.open(server.dataDir); Statement st = locker.createStatement()) {
            st.execute("BEGIN IMMEDIATE"); // holds SQLite's write lock until rolled back
            HttpResponse<String> r = post(server, id, "{\"title\":\"while locked\"}");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            st.execute("ROLLBACK");
        }
        assertThat(stored(server.dataDir, id)).isZero();
        assertThat(post(server, id, "{\"title\":\"while locked\"}").statusCode()).as("the retry").isEqualTo(202);
        assertThat(stored(server.dataDir, id)).isEqualTo(1);
    }

    @Test
    void needsNoSessionAndIgnoresCookies() {
        String id = hook("");
        HttpResponse<String> r = post(server, id, "{}", "Cookie", "sluice_session=not-a-session", "Origin", "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(202);
    }

    @Test
    void aDeletedPipesHookIsGone() {
        String id = newHookId();
        var pipe = server.save("hooks@example.org", "Soon gone", pipeWithWebhook(id, ""), false);
        assertThat(post(server, id, "{}").statusCode()).isEqualTo(202);
        server.sluice.pipes().delete(pipe.id());
        assertThat(post(server, id, "{\"after\":1}").statusCode()).isEqualTo(404);
    }
}
