package dev.sluice.auth;

import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.model.User;
import dev.sluice.store.Database;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** API tokens: what they look like, how they are stored, and {@code /api/tokens} with Bearer. */
class ApiTokensTest {
    static final ObjectMapper JSON = new ObjectMapper();
    TestServer server;
    ApiTokens tokens;
    User alice;
    String aliceToken;

    @BeforeEach
    void start() {
        server = TestServer.standard();
        tokens = server.sluice.tokens();
        alice = server.sluice.users().findOrCreate("alice@example.org");
        aliceToken = tokens.create(alice.id(), "laptop").value();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        return server.request(method, path, body, "Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    @Test
    void tokensAreLongRandomUrlSafeAndRecognisable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String value = tokens.create(alice.id(), "t" + i).value();
            assertThat(value).matches("slu_[A-Za-z0-9_-]{43}");
            seen.add(value);
        }
        assertThat(seen).hasSize(20);
    }

    @Test
    void onlyTheHashIsStored() throws Exception {
        List<String> stored = new ArrayList<>();
        // The table is read directly, to see exactly what a copy of the database would reveal.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir.resolve(Database.FILE_NAME));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM api_tokens")) {
            while (rs.next()) {
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    stored.add(String.valueOf(rs.getObject(col)));
                }
            }
        }
        assertThat(stored).noneMatch(v -> v.contains(aliceToken.substring(4)));
        assertThat(stored).contains(SecretTokens.sha256Hex(aliceToken));
    }

    @Test
    void aBearerTokenAuthenticatesTheApiAndListsTokensWithoutTheirValues() throws Exception {
        tokens.create(alice.id(), "ci");
        HttpResponse<String> r = call("GET", "/api/tokens", aliceToken, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(r.body());
        assertThat(list).extracting(t -> t.get("name").asText()).containsExactlyInAnyOrder("laptop", "ci");
        assertThat(r.body()).doesNotContain("slu_").doesNotContain("\"token\"").doesNotContain("Hash");
        assertThat(list.get(0).has("createdAt")).isTrue();
    }

    @ParameterizedTest(name = "[{index}] Authorization: {0}")
    @ValueSource(strings = {"", "Bearer ", "Bearer slu_", "Bearer slu_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "Basic YWxpY2U6c2VjcmV0", "Bearer not-a-token"})
    void requestsWithoutAValidTokenAre401(String header) {
        HttpResponse<String> r = header.isEmpty()
                ? server.request("GET", "/api/tokens", null)
                : server.request("GET", "/api/tokens", null, "Authorization", header);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"error\"");
    }

    @Test
    void createdOverTheApiTheTokenIsShownOnceAndWorks() throws Exception {
        HttpResponse<String> r = call("POST", "/api/tokens", aliceToken, "{\"name\":\"feed reader\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode created = JSON.readTree(r.body());
        assertThat(created.get("name").asText()).isEqualTo("feed reader");
        String fresh = created.get("token").asText();
        assertThat(fresh).startsWith("slu_").isNotEqualTo(aliceToken);

        HttpResponse<String> list = call("GET", "/api/tokens", fresh, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("feed reader").doesNotContain(fresh);
    }

    @Test
    void aBlankOrMissingNameGetsTheDefault() throws Exception {
        assertThat(JSON.readTree(call("POST", "/api/tokens", aliceToken, "").body()).get("name").asText()).isEqualTo("API token");
        assertThat(JSON.readTree(call("POST", "/api/tokens", aliceToken, "{\"name\":\"  \"}").body()).get("name").asText())
                .isEqualTo("API token");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "{not json                  | not valid JSON",
            "[\"name\"]                 | must be a JSON object",
            "{\"name\": 42}             | must be a string",
            "LONG                       | at most 100 characters"})
    void badRequestsToCreateAreRefusedWithAReason(String body, String reason) {
        String payload = body.equals("LONG") ? "{\"name\":\"" + "x".repeat(101) + "\"}" : body;
        HttpResponse<String> r = call("POST", "/api/tokens", aliceToken, payload);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains(reason);
    }

    @Test
    void aUserCannotHoardTokens() {
        for (int i = tokens.list(alice.id()).size(); i < ApiTokens.MAX_LIVE_PER_USER; i++) {
            tokens.create(alice.id(), "t" + i);
        }
        HttpResponse<String> r = call("POST", "/api/tokens", aliceToken, "{\"name\":\"one too many\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("revoke one first");
    }

    @Test
    void aRevokedTokenIsRefusedAndOthersCannotRevokeYours() throws Exception {
        User bob = server.sluice.users().findOrCreate("bob@example.org");
        String bobToken = tokens.create(bob.id(), "bob's").value();
        long aliceId = JSON.readTree(call("GET", "/api/tokens", aliceToken, null).body()).get(0).get("id").asLong();

        assertThat(call("DELETE", "/api/tokens/" + aliceId, bobToken, null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/tokens/nonsense", bobToken, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/tokens", aliceToken, null).statusCode()).as("still alive").isEqualTo(200);

        assertThat(call("DELETE", "/api/tokens/" + aliceId, aliceToken, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/tokens", aliceToken, null).statusCode()).isEqualTo(401);
        assertThat(tokens.userFor(aliceToken)).isEmpty();
        assertThat(call("DELETE", "/api/tokens/" + aliceId, bobToken, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/tokens", bobToken, null).body()).contains("bob's").doesNotContain("laptop");
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        assertThat(lastUsed()).isNull();
        Instant first = server.clock.instant();
        assertThat(tokens.userFor(aliceToken)).map(User::email).hasValue("alice@example.org");
        assertThat(lastUsed()).isEqualTo(first.truncatedTo(MILLIS));

        server.clock.advance(Duration.ofSeconds(59));
        assertThat(call("GET", "/api/tokens", aliceToken, null).statusCode()).isEqualTo(200);
        assertThat(lastUsed()).as("within the minute: not written again").isEqualTo(first.truncatedTo(MILLIS));

        server.clock.advance(Duration.ofSeconds(2));
        assertThat(call("GET", "/api/tokens", aliceToken, null).statusCode()).isEqualTo(200);
        assertThat(lastUsed()).isEqualTo(server.clock.instant().truncatedTo(MILLIS));
    }

    private Instant lastUsed() {
        return tokens.list(alice.id()).stream().filter(t -> t.name().equals("laptop")).findFirst().orElseThrow().lastUsedAt();
    }

    @Test
    void tokensStillWorkAfterARestart() {
        server.close();
        try (TestServer again = new TestServer(Map.of(), server.dataDir)) {
            HttpResponse<String> r = again.request("GET", "/api/tokens", null, "Authorization", "Bearer " + aliceToken);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("laptop");
        } finally {
            server = TestServer.standard();
        }
    }
}
