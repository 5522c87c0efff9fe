package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every supported format parses into the same model, with every field filled. */
class FeedParserFormatsTest {

    private final FeedParser parser = new FeedParser();

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("rss091.xml", "WriteTheWeb", "http://writetheweb.com", 2,
                        "Giving the world a pluggable Gnutella", "http://writetheweb.com/read.php?item=24"),
                Arguments.of("rss10.rdf", "XML.com", "http://xml.com/pub", 2,
                        "Processing Inclusions with XSLT", "http://xml.com/pub/2000/08/09/xslt/xslt.html"),
                Arguments.of("atom03.xml", "dive into mark", "http://diveintomark.org/", 1,
                        "Atom 0.3 snapshot", "http://diveintomark.org/2003/12/13/atom03"),
                Arguments.of("jsonfeed10.json", "My Example Feed", "https://example.org/", 2,
                        "", "https://example.org/second-item"),
                Arguments.of("jsonfeed11.json", "Podcast", "https://podcast.example.org/", 2,
                        "Episode 1", "https://podcast.example.org/episodes/1"),
                Arguments.of("youtube-channel.xml", "Example Channel", "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", 1,
                        "A video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void readsEveryFormat(String fixture, String title, String link, int items, String firstTitle, String firstLink)
            throws Exception {
        Feed feed = parser.parse(Fixtures.feed(fixture), "", "https://feeds.example.net/" + fixture);

        assertThat(feed.channel().title()).isEqualTo(title);
        assertThat(feed.channel().link()).isEqualTo(link);
        assertThat(feed.items()).hasSize(items);
        assertThat(feed.items().get(0).title()).isEqualTo(firstTitle);
        assertThat(feed.items().get(0).link()).isEqualTo(firstLink);
        assertThat(feed.items()).allSatisfy(item -> {
            assertThat(item.guid()).isNotBlank();
            assertThat(item.source()).isEqualTo(new Source(title, "https://feeds.example.net/" + fixture));
        });
    }

    @Test
    void rss091WithDoctypeAndHtmlEntities() throws Exception {
        Feed feed = parser.parse(Fixtures.feed("rss091.xml"), "text/xml", "http://writetheweb.com/rss.xml");

        assertThat(feed.channel().image()).isEqualTo("http://writetheweb.com/images/mynetscape88.gif");
        assertThat(feed.items().get(0).description()).endsWith("Gnutella\u00a0\u00e9tude.");
        assertThat(feed.items().get(0).guid()).as("no guid: the link").isEqualTo("http://writetheweb.com/read.php?item=24");
    }

    @Test
    void rss10ReadsDublinCoreAndContentModules() throws Exception {
        Feed feed = parser.parse(Fixtures.feed("rss10.rdf"), "application/rdf+xml", "http://xml.com/news.rss");
        Item first = feed.items().get(0);

        assertThat(feed.channel().updated()).isEqualTo(Instant.parse("2024-06-30T10:00:00Z"));
        assertThat(first.author()).isEqualTo("Bob DuCharme");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-06-29T08:30:00Z"));
        assertThat(first.categories()).extracting(Category::term).containsExactly("XSLT");
        assertThat(first.content()).isEqualTo("<p>Full text with <a href=\"http://xml.com/pub/more.html\">a relative link</a>.</p>");
        assertThat(feed.items().get(1).published()).isEqualTo(Instant.parse("2024-06-28T00:00:00Z"));
    }

    @Test
    void atom03ReadsIssuedModifiedAndInheritsTheFeedAuthor() throws Exception {
        Item entry = parser.parse(Fixtures.feed("atom03.xml"), "", "http://diveintomark.org/atom.xml").items().get(0);

        assertThat(entry.guid()).isEqualTo("tag:diveintomark.org,2003:3.2397");
        assertThat(entry.published()).isEqualTo(Instant.parse("2024-06-29T12:29:29Z"));
        assertThat(entry.updated()).isEqualTo(Instant.parse("2024-06-29T18:30:02Z"));
        assertThat(entry.author()).isEqualTo("Mark Pilgrim");
        assertThat(entry.content()).isEqualTo("<p>Full <b>story</b>.</p>");
        assertThat(entry.description()).as("plain text escaped to HTML").isEqualTo("The Atom 0.3 snapshot is out &amp; about.");
    }

    @Test
    void jsonFeed10() throws Exception {
        Feed feed = parser.parse(Fixtures.feed("jsonfeed10.json"), "application/json", "https://example.org/feed.json");
        Item second = feed.items().get(0);
        Item first = feed.items().get(1);

        assertThat(second.guid()).as("numeric id").isEqualTo("2");
        assertThat(second.content()).isEqualTo("This is a second item &lt;with&gt; text.");
        assertThat(second.published()).isEqualTo(Instant.parse("2024-06-30T17:00:00Z"));
        assertThat(second.author()).as("1.0 feed author inherited").isEqualTo("Brent Simmons");
        assertThat(first.link()).isEqualTo("https://example.org/first-item");
        assertThat(first.content()).contains("src=\"https://example.org/img/1.png\"");
        assertThat(first.description()).isEqualTo("Hello &amp; welcome");
        assertThat(first.author()).isEqualTo("Someone Else");
    }

    @Test
    void jsonFeed11() throws Exception {
        Feed feed = parser.parse(Fixtures.feed("jsonfeed11.json"), "application/feed+json", "https://podcast.example.org/feed.json");
        Item episode = feed.items().get(0);

        assertThat(feed.channel().description()).isEqualTo("A JSON Feed 1.1 podcast");
        assertThat(feed.channel().image()).isEqualTo("https://podcast.example.org/icon.png");
        assertThat(episode.guid()).isEqualTo("ep-1");
        assertThat(episode.updated()).isEqualTo(Instant.parse("2024-06-30T13:00:00Z"));
        assertThat(episode.author()).isEqualTo("Alice, Bob");
        assertThat(episode.categories()).extracting(Category::term).containsExactly("audio", "news");
        assertThat(episode.enclosures()).containsExactly(
                new Enclosure("https://podcast.example.org/1.mp3", 1_000_000, "audio/mpeg"));
        assertThat(feed.items().get(1).date()).as("no date stays unknown").isNull();
    }

    @Test
    void youTubeDescriptionComesFromMediaGroup() throws Exception {
        Item video = parser.parse(Fixtures.feed("youtube-channel.xml"), "", "https://www.youtube.com/feeds/videos.xml")
                .items().get(0);

        assertThat(video.guid()).isEqualTo("yt:video:dQw4w9WgXcQ");
        assertThat(video.description()).isEqualTo("What the video is about &amp; more.");
        assertThat(video.author()).isEqualTo("Example Channel");
        assertThat(video.updated()).isEqualTo(Instant.parse("2024-06-30T13:00:00Z"));
    }

    @Test
    void guidPolicyForItemsWithoutGuids() throws Exception {
        List<Item> items = parser.parse(Fixtures.feed("no-guid.xml"), "", "https://guid.example.org/rss").items();

        assertThat(items.get(0).guid()).isEqualTo("article-17");
        assertThat(items.get(0).guidIsPermaLink()).isFalse();
        assertThat(items.get(1).guid()).isEqualTo("https://guid.example.org/b");
        assertThat(items.get(1).guidIsPermaLink()).as("taken from the link, not said by the feed").isFalse();
        assertThat(items.get(2).guid()).startsWith(GuidPolicy.PREFIX);
        assertThat(items.get(3).guid()).isEqualTo("https://guid.example.org/c");
        assertThat(items.get(3).guidIsPermaLink()).isTrue();
        assertThat(items.get(3).link()).as("a permalink guid stands in for the link").isEqualTo("https://guid.example.org/c");
    }

    @Test
    void hashedGuidsAreStableAcrossParses() throws Exception {
        String first = parser.parse(Fixtures.feed("no-guid.xml"), "", "").items().get(2).guid();
        String second = parser.parse(Fixtures.feed("no-guid.xml"), "", "").items().get(2).guid();

        assertThat(first).isEqualTo(second);
    }

    @ParameterizedTest(name = "{0}: {1} items")
    @CsvSource({"F1.xml, 50", "F2.xml, 100", "F3.xml, 200", "F4.xml, 500"})
    void benchFeedsParseCompletely(String file, int count) throws Exception {
        Feed feed = parser.parse(Fixtures.bench(file), "application/rss+xml", "http://127.0.0.1:8701/" + file);

        assertThat(feed.items()).hasSize(count).allSatisfy(item -> {
            assertThat(item.guid()).isNotBlank().isEqualTo(item.link());
            assertThat(item.guidIsPermaLink()).isTrue();
            assertThat(item.published()).isNotNull();
            assertThat(item.categories()).hasSize(1);
        });
        assertThat(feed.items().stream().filter(i -> i.title().contains("quantum"))).hasSize(count * 3 / 10);
        long withContent = feed.items().stream().filter(i -> !i.content().isEmpty()).count();
        assertThat(withContent).as("content:encoded on about every third item").isBetween(count / 4L, count / 2L);
    }

    @Test
    void benchAtomFeedHasAuthorsAndDates() throws Exception {
        Feed feed = parser.parse(Fixtures.bench("A1.xml"), "application/atom+xml", "http://127.0.0.1:8701/A1.xml");

        assertThat(feed.items()).hasSize(100).allSatisfy(entry -> {
            assertThat(entry.author()).isNotBlank();
            assertThat(entry.guid()).startsWith("https://a1.example.org/entries/");
            assertThat(entry.published()).isNotNull();
            assertThat(entry.updated()).isNotNull();
            assertThat(entry.description()).startsWith("<p>");
        });
        assertThat(feed.items().stream().filter(i -> i.title().contains("quantum"))).hasSize(30);
    }

    @Test
    void benchNewestItemDate() throws Exception {
        Feed feed = parser.parse(Fixtures.bench("F1.xml"), "", "");

        assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2024-06-29T17:09:33Z"));
        assertThat(feed.channel().updated()).isEqualTo(Instant.parse("2024-06-30T12:00:00Z"));
    }
}
