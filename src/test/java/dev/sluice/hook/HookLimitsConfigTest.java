package dev.sluice.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.app.Config;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SLUICE_HOOK_* settings (README's configuration table). */
class HookLimitsConfigTest {

    @Test
    void defaultsToSixtyAMinuteBurstTwentyFiveHundredEventsSevenDays() {
        assertThat(Config.from(Map.of()).hooks()).isEqualTo(new HookLimits(60, 20, 500, Duration.ofDays(7)));
    }

    @Test
    void readsEachSetting() {
        Config config = Config.from(Map.of("SLUICE_HOOK_RATE_PER_MIN", "600", "SLUICE_HOOK_BURST", "50",
                "SLUICE_HOOK_KEEP_EVENTS", "2000", "SLUICE_HOOK_KEEP_DAYS", "30"));
        assertThat(config.hooks()).isEqualTo(new HookLimits(600, 50, 2000, Duration.ofDays(30)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"SLUICE_HOOK_RATE_PER_MIN,0", "SLUICE_HOOK_BURST,-1", "SLUICE_HOOK_KEEP_EVENTS,many", "SLUICE_HOOK_KEEP_DAYS,0"})
    void refusesAValueThatIsNotAPositiveNumberNamingTheVariable(String key, String value) {
        assertThatThrownBy(() -> Config.from(Map.of(key, value)))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining(key);
    }
}
