package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', value = {
            "120 | PT2M",
            "0 | PT0S",
            " 5 | PT5S",
            "Wed, 21 Oct 2015 07:28:00 GMT | PT1M",
            "Wednesday, 21-Oct-15 07:28:00 GMT | PT1M",
            "Wed Oct 21 07:28:00 2015 | PT1M",
            "Wed, 21 Oct 2015 07:00:00 GMT | PT0S",
            "99999999 | PT24H",
            "99999999999999999999 | PT24H",
            "Fri, 21 Oct 2016 07:28:00 GMT | PT24H",
    })
    void readsSecondsAndHttpDates(String value, Duration expected) {
        assertThat(RetryAfter.parse(Headers.of("Retry-After", value), NOW)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "1.5", "", "Wed, 99 Foo 2015"})
    void ignoresWhatItCannotRead(String value) {
        assertThat(RetryAfter.parse(Headers.of("Retry-After", value), NOW)).isEmpty();
    }
}
