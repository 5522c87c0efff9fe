package dev.sluice.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.app.Config;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SLUICE_WEBSUB_* settings (README's configuration table). */
class WebSubConfigTest {

    @Test
    void defaultsToTheBuiltInHubWithItsLimits() {
        assertThat(Config.from(Map.of()).webSub()).isEqualTo(new WebSubSettings(null, 100, 10_000, Duration.ofSeconds(60)));
        assertThat(Config.from(Map.of()).webSub().builtIn()).isTrue();
    }

    @Test
    void readsEachSetting() {
        WebSubSettings s = Config.from(Map.of("SLUICE_WEBSUB_HUB", "https://hub.example/", "SLUICE_WEBSUB_MAX_PER_FEED", "5",
                "SLUICE_WEBSUB_MAX_SUBSCRIPTIONS", "50", "SLUICE_WEBSUB_REFRESH_SECONDS", "300")).webSub();
        assertThat(s).isEqualTo(new WebSubSettings("https://hub.example/", 5, 50, Duration.ofMinutes(5)));
        assertThat(s.builtIn()).isFalse();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"SLUICE_WEBSUB_HUB,hub.example", "SLUICE_WEBSUB_HUB,ftp://hub.example/", "SLUICE_WEBSUB_MAX_PER_FEED,0",
            "SLUICE_WEBSUB_MAX_SUBSCRIPTIONS,lots", "SLUICE_WEBSUB_REFRESH_SECONDS,-1"})
    void refusesAValueItCannotUseNamingTheVariable(String key, String value) {
        assertThatThrownBy(() -> Config.from(Map.of(key, value)))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining(key);
    }
}
