package dev.sluice.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tracking parameters leave links; nothing else about a link changes, and what does not parse stays. */
class LinkCleanerTest {
    private final LinkCleaner cleaner = new LinkCleaner(TrackingParameters.standard());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # link as a feed gave it                                                        | cleaned
            https://example.org/story?utm_source=rss&utm_medium=feed&utm_campaign=daily     | https://example.org/story
            https://example.org/story?id=42&utm_source=rss                                  | https://example.org/story?id=42
            https://example.org/story?utm_source=rss&id=42#comments                         | https://example.org/story?id=42#comments
            https://example.org/story?fbclid=IwAR3xYz_9-AbC                                 | https://example.org/story
            https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=abcDEF123xyz                     | https://www.youtube.com/watch?v=dQw4w9WgXcQ
            https://youtu.be/dQw4w9WgXcQ?si=Ab12                                            | https://youtu.be/dQw4w9WgXcQ
            https://shop.example/item.htm?spm=a2g0o.productlist.0.0&sku=9                   | https://shop.example/item.htm?sku=9
            https://example.org/a?gclid=Cj0K&dclid=1&msclkid=2&yclid=3&igshid=4&page=2      | https://example.org/a?page=2
            https://example.org/a?mc_cid=1a2b&mc_eid=3c4d                                   | https://example.org/a
            https://example.org/a?_hsenc=p2ANqtz&_hsmi=123&x=1                              | https://example.org/a?x=1
            https://example.org/a?ref=hackernews                                            | https://example.org/a
            https://twitter.example/a?ref_src=twsrc%5Etfw&ref_url=https%3A%2F%2Fx.org%2F     | https://twitter.example/a
            https://example.org/?__twitter_impression=true                                  | https://example.org/
            https://www.lemonde.example/article.html?xtor=RSS-3208                          | https://www.lemonde.example/article.html
            https://www.heise.example/news/1.html?wt_mc=rss.red.ho.ho.atom.beitrag          | https://www.heise.example/news/1.html
            # names match ignoring case, also when percent-encoded; kept parameters keep their spelling
            https://example.org/a?UTM_SOURCE=x&Page=2                                       | https://example.org/a?Page=2
            https://example.org/a?utm%5Fsource=x&q=caf%C3%A9                                | https://example.org/a?q=caf%C3%A9
            https://example.org/a?q=a+b&gclid=1&tag=x%20y                                   | https://example.org/a?q=a+b&tag=x%20y
            https://example.org/a?flag&utm_source=x&empty=                                  | https://example.org/a?flag&empty=
            https://example.org/a?b=2&utm_source=x&a=1                                      | https://example.org/a?b=2&a=1
            # look-alikes are not tracking
            https://example.org/a?referrer=x&utmost=1&sid=2&spmx=3                          | https://example.org/a?referrer=x&utmost=1&sid=2&spmx=3
            # the rest of the link stays exactly as written
            HTTPS://Example.ORG:443/A/b/?utm_source=x                                       | HTTPS://Example.ORG:443/A/b/
            https://bücher.example/straße?utm_source=x&seite=2                              | https://bücher.example/straße?seite=2
            https://xn--bcher-kva.example/?utm_source=x                                     | https://xn--bcher-kva.example/
            https://[::1]:8443/x?gclid=1                                                    | https://[::1]:8443/x
            https://example.org/a b?utm_source=x                                            | https://example.org/a b
            https://example.org?utm_source=x                                                | https://example.org
            # a fragment is not a query
            https://example.org/a#utm_source=x                                              | https://example.org/a#utm_source=x
            https://example.org/a#top?utm_source=x                                          | https://example.org/a#top?utm_source=x
            https://example.org/a?                                                          | https://example.org/a?
            # not http(s), or not a URL at all: left as it is
            ftp://example.org/file?utm_source=x                                             | ftp://example.org/file?utm_source=x
            mailto:someone@example.org?subject=hi&utm_source=x                              | mailto:someone@example.org?subject=hi&utm_source=x
            magnet:?xt=urn:btih:abc&utm_source=x                                            | magnet:?xt=urn:btih:abc&utm_source=x
            /relative/path?utm_source=x                                                     | /relative/path?utm_source=x
            http://exa mple.org/?utm_source=x                                               | http://exa mple.org/?utm_source=x
            http://example.org:99999/?utm_source=x                                          | http://example.org:99999/?utm_source=x
            https://?utm_source=x                                                           | https://?utm_source=x
            not a url?utm_source=x                                                          | not a url?utm_source=x
            """)
    void removesTrackingParametersOnly(String link, String cleaned) {
        assertThat(cleaner.clean(link)).isEqualTo(cleaned);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/story", "https://example.org/a?id=1&page=2#x", "", "   ", "mailto:a@b.org"})
    void aLinkWithoutTrackingComesBackAsTheSameString(String link) {
        assertThat(cleaner.clean(link)).isSameAs(link);
        assertThat(cleaner.clean(null)).isNull();
    }

    @Test
    void extraNamesAreRemovedToo() {
        LinkCleaner withExtra = new LinkCleaner(TrackingParameters.standardPlus("sessionid, cmp_*"));
        assertThat(withExtra.clean("https://example.org/a?sessionid=9&CMP_Source=rss&cmp=1&utm_source=x"))
                .isEqualTo("https://example.org/a?cmp=1");
        assertThat(cleaner.clean("https://example.org/a?sessionid=9")).isEqualTo("https://example.org/a?sessionid=9");
    }

    @Test
    void longAndHostileLinksAreHandled() {
        String many = "https://example.org/a?" + "k=v&".repeat(50_000) + "utm_source=x";
        assertThat(cleaner.clean(many)).isEqualTo("https://example.org/a?" + "k=v&".repeat(49_999) + "k=v");
        String ampersands = "https://example.org/a?" + "&".repeat(100_000) + "fbclid=1";
        assertThat(cleaner.clean(ampersands)).isEqualTo("https://example.org/a?" + "&".repeat(100_000 - 1));
        String onlyTracking = "https://example.org/a?" + "utm_x=1&".repeat(20_000) + "gclid=2";
        assertThat(cleaner.clean(onlyTracking)).isEqualTo("https://example.org/a");
        String longPath = "https://example.org/" + "a".repeat(1_000_000) + "?si=1";
        assertThat(cleaner.clean(longPath)).isEqualTo("https://example.org/" + "a".repeat(1_000_000));
        String garbage = "?".repeat(10_000) + "#".repeat(10_000);
        assertThat(cleaner.clean(garbage)).isSameAs(garbage);
    }

    @Test
    void cleansTheHrefsOfLinksInHtml() {
        String html = "<p>See <a href=\"https://example.org/x?utm_source=rss&amp;id=3\">this</a> &amp;"
                + " <a href='https://example.org/y'>that</a>, <a href=\"https://example.org/z?fbclid=1#c\">more</a>.</p>"
                + "<map><area href=\"https://example.org/m?gclid=1\"></map>";
        assertThat(cleaner.cleanHtml(html)).isEqualTo("<p>See <a href=\"https://example.org/x?id=3\">this</a> &amp;"
                + " <a href=\"https://example.org/y\">that</a>, <a href=\"https://example.org/z#c\">more</a>.</p>"
                + "<map><area href=\"https://example.org/m\"></map>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>No question marks at all</p>",
        "<p>Text that mentions ?utm_source=x but links nothing</p>",
        "<p><a href=\"https://example.org/a?id=1\">clean link</a></p>",
        "<img src=\"https://example.org/pixel.gif?utm_source=rss\">", // images are not links
        "<a href=\"/relative?utm_source=x\">relative</a>", // does not parse: left
        ""})
    void htmlWithoutTrackingLinksComesBackAsTheSameString(String html) {
        assertThat(cleaner.cleanHtml(html)).isSameAs(html);
    }

    @Test
    void malformedHtmlStillHasItsLinksCleaned() {
        assertThat(cleaner.cleanHtml("<a href='https://example.org/?utm_source=x'>unclosed <b>bold"))
                .isEqualTo("<a href=\"https://example.org/\">unclosed <b>bold</b></a>");
    }
}
