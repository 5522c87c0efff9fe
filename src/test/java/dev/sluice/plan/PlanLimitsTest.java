package dev.sluice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plan rules as {@link PlanLimits} applies them to a user. */
class PlanLimitsTest {
    final PlanLimits limits = new PlanLimits(Plans.defaults());

    private static User on(String plan) {
        return new User(7, "someone@example.org", plan, Instant.EPOCH);
    }

    @ParameterizedTest(name = "[{index}] {0} plan, {1} pipes → may create: {2}")
    @CsvSource({"free, 0, true", "free, 49, true", "free, 50, false", "free, 51, false",
            "supporter, 499, true", "supporter, 500, false", "pro, 4999, true", "pro, 5000, false",
            "retired-plan, 49, true", "retired-plan, 50, false"})
    void thePipeCapComesFromTheUsersPlan(String plan, int count, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> limits.checkCanCreate(on(plan), count)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> limits.checkCanCreate(on(plan), count)).isInstanceOf(PlanLimitExceeded.class);
        }
    }

    @Test
    void theRefusalNamesThePlanAndItsLimit() {
        assertThatThrownBy(() -> limits.checkCanCreate(on("free"), 50))
                .hasMessageStartingWith("Your plan (free) allows 50 pipes");
        assertThatThrownBy(() -> limits.checkCanCreate(on("retired-plan"), 50))
                .as("an unknown plan is treated as free, and says so").hasMessageStartingWith("Your plan (free)");
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} s, JS rendering {2}")
    @CsvSource({"free, 10, false", "supporter, 20, false", "pro, 30, true", "retired-plan, 10, false"})
    void runLimitAndJsRenderingComeFromTheUsersPlan(String plan, int seconds, boolean js) {
        assertThat(limits.runLimitFor(on(plan))).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(limits.jsRendering(on(plan))).isEqualTo(js);
    }

    @Test
    void anonymousRunsGetTheFreeLimit() {
        assertThat(limits.defaultRunLimit()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void plansAreListedInTheOrderTheyAreDefined(@TempDir Path dir) throws Exception {
        assertThat(Plans.defaults().names()).containsExactly("free", "supporter", "pro");
        Path file = dir.resolve("plans.json");
        Files.writeString(file, "{\"gold\":{\"runLimitMs\":5000,\"maxPipes\":9},\"free\":{\"runLimitMs\":1000}}");
        Plans custom = Plans.load(file, null);
        assertThat(custom.names()).containsExactly("gold", "free");
        assertThat(new PlanLimits(custom).runLimitFor(on("gold"))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void visitorsWithoutAnAccountRunUnderTheAnonymousPlan() {
        Plan anonymous = limits.anonymous();
        assertThat(anonymous.name()).isEqualTo("anonymous");
        assertThat(anonymous.runLimit()).isEqualTo(Duration.ofSeconds(3));
        assertThat(anonymous.jsRendering()).isFalse();
        assertThat(Plans.defaults().exists("anonymous")).as("no account can be moved to it").isFalse();
        assertThat(Plans.defaults().names()).doesNotContain("anonymous");
        assertThat(limits.runLimitFor(on("anonymous"))).as("an account that names it runs as free")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void thePlansFileMaySetTheAnonymousPlanOrKeepTheBuiltInOne(@TempDir Path dir) throws Exception {
        Path with = dir.resolve("with.json");
        Files.writeString(with, "{\"free\":{\"runLimitMs\":1000},"
                + "\"anonymous\":{\"runLimitMs\":1500,\"maxPipes\":9,\"jsRendering\":true}}");
        Plans custom = Plans.load(with, null);
        assertThat(custom.anonymous()).isEqualTo(new Plan("anonymous", Duration.ofMillis(1500), 0, true));
        assertThat(custom.names()).containsExactly("free");
        Path without = dir.resolve("without.json");
        Files.writeString(without, "{\"free\":{\"runLimitMs\":1000}}");
        assertThat(Plans.load(without, null).anonymous().runLimit()).isEqualTo(Duration.ofSeconds(3));
        assertThat(Plans.load(null, Duration.ofMillis(700)).anonymous().runLimit())
                .as("SLUICE_RUN_LIMIT_MS overrides every plan's limit").isEqualTo(Duration.ofMillis(700));
    }
}
