package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheLifetimeTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Duration FLOOR = Duration.ofMinutes(10);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "X-None: 1 | PT10M",
            "Cache-Control: max-age=3600 | PT1H",
            "Cache-Control: max-age=60 | PT10M",
            "Cache-Control: no-cache | PT10M",
            "Cache-Control: public, max-age=7200, s-maxage=1800 | PT30M",
            "Cache-Control: max-age=3600;Age: 600 | PT50M",
            "Cache-Control: max-age=31536000 | PT24H",
            "Expires: Wed, 01 May 2024 14:00:00 GMT | PT2H",
            "Expires: Wed, 01 May 2024 14:00:00 GMT;Date: Wed, 01 May 2024 13:00:00 GMT | PT1H",
            "Expires: 0 | PT10M",
            "Cache-Control: max-age=7200;Expires: Wed, 01 May 2024 12:20:00 GMT | PT2H",
    })
    void takesTheLongerOfOurFloorAndTheUpstreamsLifetime(String headerList, Duration expected) {
        Headers.Builder headers = new Headers.Builder();
        for (String header : headerList.split(";")) {
            headers.add(header);
        }
        assertThat(CacheLifetime.of(headers.build(), NOW, FLOOR)).isEqualTo(expected);
    }
}
