package dev.sluice.cli;

import static dev.sluice.cli.CliRun.sluice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code sluice token create EMAIL [--name NAME]}: a token printed once that the server accepts. */
class TokenCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsATokenThatTheServerAcceptsAndCreatesTheAccount() {
        CliRun r = sluice(dir, "token", "create", "New.User@example.org", "--name", "backup script");
        assertThat(r.code()).as(r.err()).isZero();
        String token = r.out().strip();
        assertThat(r.out().lines()).as("only the token on standard output").hasSize(1);
        assertThat(token).matches("slu_[A-Za-z0-9_-]{43}");
        assertThat(r.err()).contains("shown only this once").contains("new.user@example.org");

        try (TestServer server = new TestServer(Map.of(), dir)) {
            assertThat(server.sluice.users().findByEmail("new.user@example.org")).hasValueSatisfying(
                    u -> assertThat(u.plan()).isEqualTo("free"));
            HttpResponse<String> tokens = server.request("GET", "/api/tokens", null, "Authorization", "Bearer " + token);
            assertThat(tokens.statusCode()).isEqualTo(200);
            assertThat(tokens.body()).contains("backup script").doesNotContain(token);
        }
    }

    @Test
    void everyCallMakesANewTokenForTheSameAccount() {
        String first = sluice(dir, "token", "create", "a@example.org").out().strip();
        String second = sluice(dir, "token", "create", "A@example.org").out().strip();
        assertThat(first).isNotEqualTo(second);
        try (TestServer server = new TestServer(Map.of(), dir)) {
            assertThat(server.sluice.tokens().list(server.sluice.users().findByEmail("a@example.org").orElseThrow().id()))
                    .hasSize(2).allSatisfy(t -> assertThat(t.name()).isEqualTo("API token"));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"not-an-address", "two@@example.org", " "})
    void refusesWhatIsNotAnAddress(String email) {
        CliRun r = sluice(dir, "token", "create", email);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not an e-mail address");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void refusesAnOverlongName() {
        CliRun r = sluice(dir, "token", "create", "a@example.org", "--name", "x".repeat(101));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at most 100 characters");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withoutAnAddressItExplainsUsage() {
        CliRun r = sluice(dir, "token", "create");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("EMAIL");
    }
}
