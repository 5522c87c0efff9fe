package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** CDF documents through the parser: nested channels flattened in order, names in any case. */
class CdfParserTest {

    private static final String URL = "https://cdf.example.org/channels/news.cdf";

    private final FeedParser parser = new FeedParser();

    @Test
    void itemsOfNestedChannelsComeInDocumentOrder() throws Exception {
        Feed feed = parse("""
                <?xml version="1.0"?>
                <CHANNEL HREF="https://cdf.example.org/" LASTMOD="2000-01-01T12:00">
                  <TITLE>Top</TITLE>
                  <ABSTRACT>News &amp; more</ABSTRACT>
                  <ITEM HREF="front.html" LASTMOD="1999-12-31T23:59"><TITLE>Front</TITLE></ITEM>
                  <CHANNEL HREF="https://cdf.example.org/sport/" BASE="https://sport.example.org/">
                    <TITLE>Sport</TITLE>
                    <ITEM HREF="match.html"><TITLE>Match</TITLE></ITEM>
                    <CHANNEL BASE="chess/">
                      <ITEM HREF="endgame.html"><TITLE>Endgame</TITLE></ITEM>
                    </CHANNEL>
                  </CHANNEL>
                  <ITEM HREF="/weather.html"><TITLE>Weather</TITLE></ITEM>
                </CHANNEL>
                """);

        assertThat(feed.channel().title()).isEqualTo("Top");
        assertThat(feed.channel().link()).isEqualTo("https://cdf.example.org/");
        assertThat(feed.channel().description()).isEqualTo("News &amp; more");
        assertThat(feed.channel().updated()).isEqualTo(Instant.parse("2000-01-01T12:00:00Z"));
        assertThat(feed.items()).extracting(Item::title).containsExactly("Front", "Match", "Endgame", "Weather");
        assertThat(feed.items()).extracting(Item::link).containsExactly(
                "https://cdf.example.org/channels/front.html",
                "https://sport.example.org/match.html",
                "https://sport.example.org/chess/endgame.html",
                "https://cdf.example.org/weather.html");
        assertThat(feed.items()).allSatisfy(item -> {
            assertThat(item.guid()).as("the link is the identity").isEqualTo(item.link());
            assertThat(item.source()).isEqualTo(new Source("Top", URL));
        });
        assertThat(feed.items()).extracting(Item::published).containsExactly(
                Instant.parse("1999-12-31T23:59:00Z"), null, null, null);
    }

    @Test
    void namesAreMatchedInAnyCase() throws Exception {
        Feed upper = parse("""
                <CHANNEL HREF="https://cdf.example.org/">
                  <TITLE>Channel</TITLE>
                  <ITEM HREF="https://cdf.example.org/a.html" LASTMOD="1999-02-03T04:05">
                    <TITLE>An item</TITLE>
                    <ABSTRACT>Fish &amp; chips &lt;b&gt;</ABSTRACT>
                  </ITEM>
                </CHANNEL>
                """);
        Feed lower = parse("""
                <channel href="https://cdf.example.org/">
                  <title>Channel</title>
                  <item href="https://cdf.example.org/a.html" lastmod="1999-02-03T04:05">
                    <title>An item</title>
                    <abstract>Fish &amp; chips &lt;b&gt;</abstract>
                  </item>
                </channel>
                """);
        Feed mixed = parse("""
                <Channel Href="https://cdf.example.org/">
                  <Title>Channel</Title>
                  <Item Href="https://cdf.example.org/a.html" LastMod="1999-02-03T04:05">
                    <Title>An item</Title>
                    <Abstract>Fish &amp; chips &lt;b&gt;</Abstract>
                  </Item>
                </Channel>
                """);

        Item item = upper.items().get(0);
        assertThat(item.title()).isEqualTo("An item");
        assertThat(item.link()).isEqualTo("https://cdf.example.org/a.html");
        assertThat(item.guid()).isEqualTo("https://cdf.example.org/a.html");
        assertThat(item.description()).as("plain text made HTML").isEqualTo("Fish &amp; chips &lt;b&gt;");
        assertThat(item.published()).isEqualTo(Instant.parse("1999-02-03T04:05:00Z"));
        assertThat(lower).isEqualTo(upper);
        assertThat(mixed).isEqualTo(upper);
    }

    @Test
    void anItemWithoutHrefGetsAStableGuidAndXmlBaseIsHonoured() throws Exception {
        String xml = """
                <CHANNEL xml:base="https://xml-base.example.org/">
                  <ITEM><TITLE>No link</TITLE><ABSTRACT>Text only</ABSTRACT></ITEM>
                  <ITEM HREF="page.html"/>
                </CHANNEL>
                """;

        Feed feed = parse(xml);

        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0).link()).isEmpty();
        assertThat(feed.items().get(0).guid()).startsWith(GuidPolicy.PREFIX).isEqualTo(parse(xml).items().get(0).guid());
        assertThat(feed.items().get(1).link()).isEqualTo("https://xml-base.example.org/page.html");
        assertThat(feed.items().get(1).title()).isEmpty();
    }

    @Test
    void itemsStopAtTheLimit() throws Exception {
        StringBuilder xml = new StringBuilder("<CHANNEL>");
        for (int i = 0; i <= FeedParser.MAX_ITEMS; i++) {
            xml.append("<ITEM HREF=\"/").append(i).append("\"/>");
        }
        Feed feed = parse(xml.append("</CHANNEL>").toString());

        assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS);
        assertThat(feed.items().get(FeedParser.MAX_ITEMS - 1).link())
                .isEqualTo("https://cdf.example.org/" + (FeedParser.MAX_ITEMS - 1));
    }

    private Feed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/x-cdf", URL);
    }
}
