package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlResolverTest {

    private final UrlResolver resolver = UrlResolver.forDocument("https://example.org/blog/feed.xml");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "post.html            | https://example.org/blog/post.html",
            "/post.html           | https://example.org/post.html",
            "../post.html         | https://example.org/post.html",
            "?page=2              | https://example.org/blog/feed.xml?page=2",
            "//cdn.example.net/a  | https://cdn.example.net/a",
            "https://other.org/x  | https://other.org/x",
            "HTTP://Other.org/X   | HTTP://Other.org/X",
            "mailto:a@example.org | mailto:a@example.org",
            "tag:example.org,2024:1 | tag:example.org,2024:1",
    })
    void resolvesRelativeAndKeepsAbsolute(String url, String expected) {
        assertThat(resolver.absolute(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<a href=\"x.html\">x</a>                 | <a href=\"https://example.org/blog/x.html\">x</a>",
            "<img SRC='/i.png' alt=x>                 | <img SRC='https://example.org/i.png' alt=x>",
            "<img src=i.png alt=x>                    | <img src=https://example.org/blog/i.png alt=x>",
            "<a href = \"x\">                         | <a href = \"https://example.org/blog/x\">",
            "<a href=\"#top\">                        | <a href=\"https://example.org/blog/feed.xml#top\">",
            "<a href=\"java&#x09;script:alert(1)\">   | <a href=\"java&#x09;script:alert(1)\">",
            "<a href=\"javascript&#58;alert(1)\">     | <a href=\"javascript&#58;alert(1)\">",
            "<img srcset=\"a.jpg 1x, /b.jpg 2x\">     | <img srcset=\"https://example.org/blog/a.jpg 1x, https://example.org/b.jpg 2x\">",
            "<a data-href=\"x\" title=\"a=b\">        | <a data-href=\"x\" title=\"a=b\">",
            "<p>a = b, src=x</p>                      | <p>a = b, src=x</p>",
            "<a title=\"1 > 0\" href=\"x\">             | <a title=\"1 > 0\" href=\"https://example.org/blog/x\">",
            "<img src=\"/a?b=1&amp;c=2\">             | <img src=\"https://example.org/a?b=1&amp;c=2\">",
            "no markup at all                         | no markup at all",
    })
    void makesHtmlAttributeUrlsAbsolute(String html, String expected) {
        assertThat(resolver.absoluteInHtml(html)).isEqualTo(expected);
    }
}
