package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDiscoveryTest {

    @Test
    void findsAlternateFeedLinksInDocumentOrder() {
        assertThat(FeedDiscovery.discover(Fixtures.feed("discovery.html"), "text/html; charset=utf-8",
                "https://blog.example.org/posts/index.html"))
                .containsExactly(
                        "https://blog.example.org/feed.rss",
                        "https://cdn.example.org/atom.xml",
                        "https://blog.example.org/posts/feed.json",
                        "https://blog.example.org/index.rdf",
                        "https://blog.example.org/wp-json/wp/v2/posts");
    }

    @Test
    void honoursBaseHref() {
        byte[] page = "<html><head><base href=\"https://static.example.net/site/\"><link rel=alternate type=application/atom+xml href=atom.xml></head></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(FeedDiscovery.discover(page, "text/html", "https://example.org/"))
                .containsExactly("https://static.example.net/site/atom.xml");
    }

    @Test
    void pageWithoutFeedsGivesNothing() {
        byte[] page = "<html><head><title>No feeds</title></head><body></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(FeedDiscovery.discover(page, "text/html", "https://example.org/")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} as {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "<!DOCTYPE html><html><head></head></html>                     | text/html           | true",
            "  <!doctype HTML>                                             | ''                  | true",
            "<html lang=en>                                                | application/rss+xml | true",
            "<?xml version=\"1.0\"?><!-- c --><html xmlns=\"http://www.w3.org/1999/xhtml\"> | application/xml | true",
            "<?xml version=\"1.0\"?><rss version=\"2.0\">                  | text/html           | false",
            "<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\"><rss>  | text/html           | false",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">                  | text/html           | false",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"> | text/html     | false",
            "{\"version\": \"https://jsonfeed.org/version/1.1\"}           | text/html           | false",
            "<div>fragment</div>                                           | ''                  | true",
            "<unknown/>                                                    | text/html           | true",
            "<unknown/>                                                    | application/xml     | false",
            "''                                                            | text/html           | false",
    })
    void looksLikeHtmlTrustsTheBodyOverTheContentType(String body, String contentType, boolean html) {
        assertThat(FeedDiscovery.looksLikeHtml(body.getBytes(StandardCharsets.UTF_8), contentType)).isEqualTo(html);
    }
}
