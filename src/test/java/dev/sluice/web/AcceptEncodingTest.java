package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {
    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | false",
            "'' | false",
            "gzip | true",
            "gzip, deflate, br | true",
            "br;q=1.0, gzip;q=0.8, *;q=0.1 | true",
            "GZIP | true",
            "x-gzip | true",
            "gzip;q=0 | false",
            "gzip; q=0.0, identity | false",
            "deflate, br | false",
            "* | true",
            "*;q=0 | false",
            "gzip;q=0, * | false",
            "identity | false",
            "gzip;q=nonsense | false"})
    void readsWhetherTheClientTakesGzip(String header, boolean gzip) {
        assertThat(AcceptEncoding.gzip(header)).isEqualTo(gzip);
    }
}
