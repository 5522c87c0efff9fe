package dev.sluice.cli;

import static dev.sluice.cli.CliRun.sluice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.User;
import dev.sluice.store.Database;
import dev.sluice.store.UserRepository;
import dev.sluice.store.jdbc.JdbcUserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code sluice user plan EMAIL PLAN}: the admin moves an account between plans. */
class UserCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void anAccount() {
        assertThat(sluice(dir, "token", "create", "alice@example.org").code()).isZero();
    }

    private String planOf(String email) {
        try (Database db = Database.open(dir)) {
            return new JdbcUserRepository(db, InstantSource.system()).findByEmail(email).map(User::plan).orElseThrow();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"supporter", "pro", "free"})
    void putsTheAccountOnThePlanAndSaysWhatItAllows(String plan) {
        CliRun r = sluice(dir, "user", "plan", "alice@example.org", plan);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("alice@example.org is now on the " + plan + " plan").contains("pipes");
        assertThat(planOf("alice@example.org")).isEqualTo(plan);
    }

    @Test
    void theAddressIsMatchedWhateverItsCase() {
        assertThat(sluice(dir, "user", "plan", " Alice@Example.ORG ", "pro").code()).isZero();
        assertThat(planOf("alice@example.org")).isEqualTo("pro");
    }

    @Test
    void anUnknownPlanIsRefusedAndThePlansAreListed() {
        CliRun r = sluice(dir, "user", "plan", "alice@example.org", "platinum");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown plan \"platinum\"").contains("free, supporter, pro");
        assertThat(planOf("alice@example.org")).isEqualTo("free");
    }

    @Test
    void thePlansComeFromThePlansFileWhenThereIsOne() throws Exception {
        Path plans = dir.resolve("plans.json");
        Files.writeString(plans, "{\"free\":{\"runLimitMs\":700},\"team\":{\"runLimitMs\":60000,\"maxPipes\":900}}");
        Map<String, String> env = Map.of("SLUICE_PLANS_FILE", plans.toString());

        CliRun wrong = sluice(dir, env, "user", "plan", "alice@example.org", "pro");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("the plans are: free, team");
        assertThat(sluice(dir, env, "user", "plan", "alice@example.org", "free").out()).contains("run limit 0.7 s");

        CliRun right = sluice(dir, env, "user", "plan", "alice@example.org", "team");
        assertThat(right.code()).isZero();
        assertThat(right.out()).contains("run limit 60 s, 900 pipes");
        assertThat(planOf("alice@example.org")).isEqualTo("team");
    }

    @Test
    void anUnknownUserIsRefusedAndNotCreated() {
        CliRun r = sluice(dir, "user", "plan", "nobody@example.org", "pro");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such user nobody@example.org");
        try (Database db = Database.open(dir)) {
            assertThat(new JdbcUserRepository(db, InstantSource.system()).findByEmail("nobody@example.org")).isEmpty();
        }
    }

    @Test
    void missingArgumentsExplainUsage() {
        CliRun r = sluice(dir, "user", "plan", "alice@example.org");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("PLAN");
        assertThat(sluice(dir, "user").code()).as("a subcommand is required").isEqualTo(2);
    }
}
