package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** URL checks are pure: literal hosts are judged without any lookup or connection. */
class UrlCheckTest {

    private final UrlCheck publicOnly = new UrlCheck(AddressPolicy.publicOnly());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP://Example.COM:80/a/./b/../c#section | http://example.com/a/c",
            "  https://example.com/feed?x=1  | https://example.com/feed?x=1",
            "https://EXAMPLE.com:443 | https://example.com/",
            "http://bücher.example/ | http://xn--bcher-kva.example/",
            "http://example.com/a b | http://example.com/a%20b",
    })
    void normalisesUrls(String raw, String expected) {
        UrlCheck.Verdict verdict = publicOnly.check(raw);
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.url().toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/feed.xml | not ftp",
            "file:///etc/passwd | not file",
            "javascript:alert(1) | not javascript",
            "data:text/html,<b>x</b> | not data",
            "gopher://example.com/ | not gopher",
            "example.com/feed | Not a valid http(s) URL",
            "http:// | Not a valid http(s) URL",
            "'' | No URL given",
            "'   ' | No URL given",
    })
    void refusesOtherSchemesAndGarbage(String raw, String message) {
        UrlCheck.Verdict verdict = publicOnly.check(raw);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal().message()).contains(message);
    }

    @Test
    void nullIsRefusedNotThrown() {
        assertThat(publicOnly.check((String) null).refusal().message()).isEqualTo("No URL given");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/ | 127.0.0.1 is a loopback address, refused",
            "http://127.0.0.1:8080/x | 127.0.0.1 is a loopback address, refused",
            "http://0.0.0.0/ | 0.0.0.0 is an unspecified",
            "http://10.1.2.3/ | 10.1.2.3 is a private address, refused",
            "http://169.254.169.254/latest/meta-data/ | 169.254.169.254 is a link-local address, refused",
            "http://100.100.100.200/ | a carrier-grade NAT address, refused",
            "http://192.0.2.10/ | a documentation address, refused",
            "http://[::1]/ | ::1 is a loopback address, refused",
            "http://[::]/ | is an unspecified",
            "http://[::ffff:127.0.0.1]/ | 127.0.0.1 is a loopback address, refused",
            "http://[::ffff:a9fe:a9fe]/ | 169.254.169.254 is a link-local address, refused",
            "http://[64:ff9b::7f00:1]/ | a loopback address, refused",
            "http://[fe80::1]/ | a link-local address, refused",
            "http://[fd00::2]/ | a private address, refused",
            "http://[2001:db8::1]/ | a documentation address, refused",
            "http://2130706433/ | 2130706433 is an unusual way of writing 127.0.0.1, a loopback address, refused",
            "http://0x7f000001/ | 0x7f000001 is an unusual way of writing 127.0.0.1, a loopback address",
            "http://127.1/ | 127.1 is an unusual way of writing 127.0.0.1",
            "http://0177.0.0.1/ | an unusual way of writing 127.0.0.1",
            "http://127.0.0.1./ | an unusual way of writing 127.0.0.1",
            "http://0xa9fea9fe/ | 169.254.169.254, a link-local address",
            "http://1.2.3.4.5/ | 1.2.3.4.5 is not a valid IP address, refused",
            "http://0x08080808/ | write the address as 8.8.8.8",
            "http://010.0.0.1/ | an unusual way of writing 8.0.0.1",
    })
    void refusesLiteralPrivateAddressesInEverySpelling(String url, String message) {
        UrlCheck.Verdict verdict = publicOnly.check(url);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal().message()).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/", "http://[2606:4700::1111]/", "https://example.com/feed",
            "http://1.2.3.4.example.com/", "http://localhost/"})
    void letsPublicLiteralsAndNamesThrough(String url) {
        // Names (even "localhost") are judged at DNS time by GuardedDns, on what they resolve to.
        assertThat(publicOnly.check(url).allowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://2130706433/", "http://[::1]/", "http://10.0.0.1/"})
    void allowsEverythingWhenPrivateNetworksAreAllowed(String url) {
        assertThat(new UrlCheck(AddressPolicy.allowingEverything()).check(url).allowed()).isTrue();
    }

    @Test
    void cutsHugeInputInMessages() {
        String huge = "ftp://example.com/" + "a".repeat(100_000);
        assertThat(publicOnly.check(huge).refusal().message()).hasSizeLessThan(400);
    }
}
