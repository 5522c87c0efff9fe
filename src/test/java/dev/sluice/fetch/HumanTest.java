package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanTest {

    @ParameterizedTest
    @CsvSource({"PT0.2S, 200 ms", "PT1S, 1 s", "PT1.46S, 1.5 s", "PT30S, 30 s", "PT59M59.7S, 60 min",
            "PT3H, 3 h", "PT24H, 24 h"})
    void writesDurations(Duration duration, String text) {
        assertThat(Human.duration(duration)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"1024, 1 KiB", "10485760, 10 MiB", "1000, 1000 bytes", "1536, 1536 bytes"})
    void writesSizes(long bytes, String text) {
        assertThat(Human.bytes(bytes)).isEqualTo(text);
    }
}
