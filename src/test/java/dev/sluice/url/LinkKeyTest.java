package dev.sluice.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Links to the same page have the same key; links to different pages do not. */
class LinkKeyTest {
    private final LinkKey keys = new LinkKey(TrackingParameters.standard());

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.org/story?utm_source=a            | http://EXAMPLE.org:80/story/?utm_medium=b#comments
            https://example.org/story?id=1&ref=hn             | https://example.org/story?fbclid=x&id=1
            https://example.org/s?b=2&a=1                     | https://example.org/s?a=1&b=2
            https://example.org/s?q=a+b                       | https://example.org/s?q=a%20b
            https://example.org/a%7Eb/c%20d                   | https://example.org/a~b/c d
            https://bücher.example/x                          | https://xn--bcher-kva.example/x
            https://BÜCHER.example/x                          | https://bücher.example/x
            https://example.org                               | https://example.org/
            https://example.org:443/s                         | https://example.org/s
            http://example.org:8080/s                         | https://example.org:8080/s/
            https://example.org/s?                            | https://example.org/s
            https://example.org/s?a=1&                        | https://example.org/s?a=1
            https://example.org/s?utm%5Fsource=x              | https://example.org/s
            '  https://example.org/s  '                       | https://example.org/s
            mailto:editor@example.org                         | mailto:editor@example.org
            """)
    void samePage(String a, String b) {
        assertThat(keys.of(a)).isNotNull().isEqualTo(keys.of(b));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.org/About                         | https://example.org/about
            https://example.org/s?id=1                        | https://example.org/s?id=2
            https://example.org/s?id=1                        | https://example.org/s?ID=1
            https://example.org/s                             | https://www.example.org/s
            https://example.org:8080/s                        | https://example.org/s
            https://example.org/s?tag=a&tag=b                 | https://example.org/s?tag=b&tag=a
            https://example.org/a/b                           | https://example.org/a%2Fb
            https://example.org/s?sessionid=1                 | https://example.org/s?sessionid=2
            ftp://example.org/s                               | https://example.org/s
            """)
    void differentPages(String a, String b) {
        assertThat(keys.of(a)).isNotEqualTo(keys.of(b));
    }

    @Test
    void aBlankLinkHasNoKeyAndOtherTextIsItsOwnKey() {
        assertThat(keys.of("")).isNull();
        assertThat(keys.of("   ")).isNull();
        assertThat(keys.of(null)).isNull();
        assertThat(keys.of(" not a url ")).isEqualTo("not a url");
    }

    @Test
    void theKeyIsAnHttpsLinkWithoutTracking() {
        assertThat(keys.of("HTTP://Example.ORG/News/Story/?utm_source=rss&page=2&lang=en#top"))
                .isEqualTo("https://example.org/News/Story?lang=en&page=2");
    }

    @Test
    void extraNamesCountAsTracking() {
        LinkKey withExtra = new LinkKey(TrackingParameters.standardPlus("sessionid"));
        assertThat(withExtra.of("https://example.org/s?sessionid=1")).isEqualTo(withExtra.of("https://example.org/s?sessionid=2"));
    }

    @Test
    void longAndHostileLinksGetAKey() {
        String many = "https://example.org/a?" + "k=v&".repeat(50_000) + "utm_source=x";
        assertThat(keys.of(many)).startsWith("https://example.org/a?k=v&k=v").doesNotContain("utm_source");
        assertThat(keys.of("https://example.org/a?" + "&".repeat(100_000))).isEqualTo("https://example.org/a");
        assertThat(keys.of("https://example.org/" + "%41".repeat(100_000))).isEqualTo("https://example.org/" + "A".repeat(100_000));
    }
}
