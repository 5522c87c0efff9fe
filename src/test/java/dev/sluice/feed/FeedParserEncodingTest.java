package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Characters arrive intact whatever names the encoding; relative URLs come out absolute. */
class FeedParserEncodingTest {

    private final FeedParser parser = new FeedParser();

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
            "latin1.xml        | application/rss+xml                      | Café Français     | Été à Zürich",
            "latin1.xml        | ''                                       | Café Français     | Été à Zürich",
            "bom.xml           | application/rss+xml                      | BOM ✓ feed        | Smile 😀 and 日本語",
            "bom.xml           | text/xml                                 | BOM ✓ feed        | Smile 😀 and 日本語",
            "header-charset.xml| application/rss+xml; charset=ISO-8859-1  | Header charset: éèê | Grüße aus Köln",
            "header-charset.xml| text/xml; charset=\"iso-8859-1\"        | Header charset: éèê | Grüße aus Köln",
            "latin1.xml        | application/rss+xml; charset=no-such-set | Café Français     | Été à Zürich",
    })
    void decodesTheDeclaredEncoding(String fixture, String contentType, String channelTitle, String itemTitle)
            throws Exception {
        Feed feed = parser.parse(Fixtures.feed(fixture), contentType, "https://example.org/" + fixture);

        assertThat(feed.channel().title()).isEqualTo(channelTitle);
        assertThat(feed.items().get(0).title()).isEqualTo(itemTitle);
    }

    @Test
    void utf16WithByteOrderMark() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Ünïcödé</title>"
                + "<link>https://u.example.org/</link><description>d</description></channel></rss>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_16); // Java writes a big-endian BOM

        assertThat(parser.parse(body, "application/xml", "").channel().title()).isEqualTo("Ünïcödé");
    }

    @Test
    void atomLinksResolveAgainstXmlBaseOfFeedAndEntry() throws Exception {
        Feed feed = parser.parse(Fixtures.feed("xmlbase.xml"), "application/atom+xml", "https://cdn.example.net/feeds/atom.xml");
        Item first = feed.items().get(0);
        Item second = feed.items().get(1);

        assertThat(feed.channel().link()).isEqualTo("https://blog.example.org/blog/");
        assertThat(feed.channel().image()).isEqualTo("https://blog.example.org/blog/images/logo.png");
        assertThat(first.link()).isEqualTo("https://blog.example.org/blog/posts/one.html");
        assertThat(first.content()).isEqualTo("<p><img src=\"https://blog.example.org/blog/img/one.png\">"
                + " <a href=\"https://blog.example.org/about\">about</a> <a href=\"https://blog.example.org/blog/#top\">top</a>"
                + " <a href=\"mailto:ann@example.org\">mail</a></p>");
        assertThat(second.link()).isEqualTo("https://blog.example.org/archive/2024/two.html");
        assertThat(second.enclosures()).containsExactly(
                new Enclosure("https://blog.example.org/archive/2024/two.mp3", 42, "audio/mpeg"));
        assertThat(second.description()).as("Atom text is escaped into HTML")
                .isEqualTo("Plain text summary with a &lt;tag&gt; in it");
        assertThat(second.author()).as("no author: the first entry's is not inherited").isEmpty();
    }

    @Test
    void rssLinksResolveAgainstTheDocumentUrl() throws Exception {
        Feed feed = parser.parse(Fixtures.feed("rss-relative.xml"), "", "https://news.example.org/feeds/all.rss");
        Item item = feed.items().get(0);

        assertThat(feed.channel().link()).isEqualTo("https://news.example.org/");
        assertThat(item.link()).isEqualTo("https://news.example.org/posts/1");
        assertThat(item.guid()).isEqualTo("https://news.example.org/posts/1");
        assertThat(item.guidIsPermaLink()).isTrue();
        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://news.example.org/feeds/media/1.mp3", 1234, "audio/mpeg"));
        assertThat(item.description()).isEqualTo("<a href=\"https://news.example.org/about\">about</a>"
                + " <img src='https://news.example.org/feeds/pics/1.jpg'> <a href=\"https://other.example.com/x\">x</a>");
    }

    @Test
    void withoutDocumentUrlRelativeLinksStayAsTheyAre() throws Exception {
        List<Item> items = parser.parse(Fixtures.feed("rss-relative.xml"), "", "").items();

        assertThat(items.get(0).link()).isEqualTo("/posts/1");
        assertThat(items.get(0).guidIsPermaLink()).as("not an http URL").isFalse();
    }
}
