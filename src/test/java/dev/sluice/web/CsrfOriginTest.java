package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The origin a URL or an Origin header names, in the one form they are compared in. */
class CsrfOriginTest {

    @ParameterizedTest
    @CsvSource({
            "http://sluice.test, http://sluice.test",
            "HTTPS://Sluice.Test/, https://sluice.test",
            "https://sluice.test:443/mypipes?x=1, https://sluice.test",
            "http://sluice.test:80, http://sluice.test",
            "http://sluice.test:8080/a, http://sluice.test:8080",
            "https://sluice.test:80, https://sluice.test:80",
            "http://127.0.0.1:5000, http://127.0.0.1:5000",
            "http://[::1]:8080/, http://[::1]:8080",
    })
    void originOfAUrl(String url, String origin) {
        assertThat(Csrf.originOf(url)).hasValue(origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "/mypipes", "sluice.test", "ftp://sluice.test", "file:///etc/passwd",
            "http://user@sluice.test", "http://", "http://exa mple.org", "javascript:alert(1)"})
    void noOriginOfAnythingElse(String url) {
        assertThat(Csrf.originOf(url)).isEmpty();
    }
}
