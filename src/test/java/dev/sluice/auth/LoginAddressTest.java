package dev.sluice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which texts are taken as an e-mail address to mail a login link to. */
class LoginAddressTest {

    @ParameterizedTest
    @CsvSource({
            "alice@example.org, alice@example.org",
            "Alice@Example.ORG, alice@example.org",
            "'  bob@example.org  ', bob@example.org",
            "first.last+tag@sub.example.co.uk, first.last+tag@sub.example.co.uk",
    })
    void aPlainAddressIsTakenLowerCased(String given, String expected) {
        assertThat(EmailLogin.normalise(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "alice", "@example.org", "alice@", "a@b@example.org", "Alice <alice@example.org>",
            "alice@example.org, bob@example.org", "alice@example.org\r\nBcc: eve@example.org", "group: a@example.org;",
            "alice @example.org"})
    void anythingElseIsRefused(String given) {
        assertThat(EmailLogin.normalise(given)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 1000})
    void anOverlongAddressIsRefused(int length) {
        String local = "a".repeat(length - "@example.org".length());
        assertThat(EmailLogin.normalise(local + "@example.org")).isNull();
    }

    @org.junit.jupiter.api.Test
    void nullIsRefused() {
        assertThat(EmailLogin.normalise(null)).isNull();
    }
}
