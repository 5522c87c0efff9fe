package dev.sluice.feed;

import static dev.sluice.feed.FeedWriterRssTest.OPTIONS;
import static dev.sluice.feed.FeedWriterRssTest.fullItem;
import static dev.sluice.feed.FeedWriterRssTest.parseStrictly;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Atom 1.0, JSON Feed 1.1 and text output; byte-stable output for every format. */
class FeedWriterFormatsTest {

    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Channel CHANNEL = new Channel("News", "https://news.example.org/", "All the news",
            Instant.parse("2024-06-01T00:00:00Z"), "https://news.example.org/logo.png");

    private final FeedWriter writer = new FeedWriter();

    @Test
    void atomFeedHasIdSelfLinkAndNewestUpdated() throws Exception {
        Item older = fullItem().toBuilder().guid("https://news.example.org/0").published(Instant.parse("2024-05-01T00:00:00Z"))
                .updated(null).build();
        Element feed = parseStrictly(writer.write(new Feed(CHANNEL, List.of(older, fullItem())), OutputFormat.ATOM, OPTIONS));

        assertThat(feed.getChildText("id", ATOM)).isEqualTo(OPTIONS.selfUrl());
        assertThat(feed.getChildText("title", ATOM)).isEqualTo("News");
        assertThat(feed.getChildText("updated", ATOM)).isEqualTo("2024-06-30T11:00:00Z");
        assertThat(feed.getChildren("link", ATOM)).extracting(l -> l.getAttributeValue("rel") + " " + l.getAttributeValue("href"))
                .containsExactly("alternate https://news.example.org/", "self " + OPTIONS.selfUrl());
        assertThat(feed.getChildText("generator", ATOM)).isEqualTo("Sluice");
    }

    @Test
    void atomEntryFields() throws Exception {
        Element entry = parseStrictly(writer.write(new Feed(CHANNEL, List.of(fullItem())), OutputFormat.ATOM, OPTIONS))
                .getChild("entry", ATOM);

        assertThat(entry.getChildText("id", ATOM)).isEqualTo("https://news.example.org/1");
        assertThat(entry.getChildText("title", ATOM)).isEqualTo("Title & <more>");
        assertThat(entry.getChildText("published", ATOM)).isEqualTo("2024-06-30T10:15:30Z");
        assertThat(entry.getChildText("updated", ATOM)).isEqualTo("2024-06-30T11:00:00Z");
        assertThat(entry.getChild("summary", ATOM).getAttributeValue("type")).isEqualTo("html");
        assertThat(entry.getChildText("summary", ATOM)).isEqualTo("<p>Summary</p>");
        assertThat(entry.getChild("content", ATOM).getAttributeValue("type")).isEqualTo("html");
        assertThat(entry.getChild("author", ATOM).getChildText("name", ATOM)).isEqualTo("Jane Doe");
        assertThat(entry.getChildren("category", ATOM)).extracting(c -> c.getAttributeValue("term")).containsExactly("science", "quantum");
        assertThat(entry.getChildren("link", ATOM)).extracting(l -> l.getAttributeValue("rel"))
                .containsExactly("alternate", "enclosure", "enclosure");
    }

    @Test
    void atomFillsWhatAtomRequires() throws Exception {
        Item plain = Item.builder().guid("12345").title("No date, no author").link("https://x.example.org/1").build();

        Element feed = parseStrictly(writer.write(new Feed(Channel.EMPTY, List.of(plain)), OutputFormat.ATOM, OPTIONS));
        Element entry = feed.getChild("entry", ATOM);

        assertThat(feed.getChildText("updated", ATOM)).as("fixed, never now").isEqualTo("1970-01-01T00:00:00Z");
        assertThat(entry.getChildText("updated", ATOM)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(feed.getChild("author", ATOM).getChildText("name", ATOM)).isEqualTo("Sluice pipe");
        assertThat(entry.getChildText("id", ATOM)).as("a plain-string guid becomes a stable IRI")
                .startsWith("urn:uuid:").isEqualTo(AtomWriter.iri("12345"));
    }

    @Test
    void jsonFeed11() throws Exception {
        JsonNode json = new ObjectMapper().readTree(writer.write(new Feed(CHANNEL, List.of(fullItem())), OutputFormat.JSON, OPTIONS));
        JsonNode item = json.path("items").path(0);

        assertThat(json.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.path("title").asText()).isEqualTo("News");
        assertThat(json.path("home_page_url").asText()).isEqualTo("https://news.example.org/");
        assertThat(json.path("feed_url").asText()).isEqualTo(OPTIONS.selfUrl());
        assertThat(item.path("id").asText()).isEqualTo("https://news.example.org/1");
        assertThat(item.path("url").asText()).isEqualTo("https://news.example.org/1?a=1&b=2");
        assertThat(item.path("content_html").asText()).isEqualTo("<p>Full <b>content</b></p>");
        assertThat(item.path("summary").asText()).as("plain text").isEqualTo("Summary");
        assertThat(item.path("date_published").asText()).isEqualTo("2024-06-30T10:15:30Z");
        assertThat(item.path("date_modified").asText()).isEqualTo("2024-06-30T11:00:00Z");
        assertThat(item.path("authors").path(0).path("name").asText()).isEqualTo("Jane Doe");
        assertThat(item.path("tags").toString()).isEqualTo("[\"science\",\"quantum\"]");
        assertThat(item.path("attachments").path(1).path("size_in_bytes").asLong()).isEqualTo(2048);
        assertThat(item.path("attachments").path(0).has("size_in_bytes")).isFalse();
    }

    @Test
    void textHasOneBlockPerItem() {
        Item second = Item.builder().guid("2").title("Second").link("https://x.example.org/2")
                .description("<p>Line <b>one</b></p>\n<p>two</p>").build();

        String text = new String(writer.write(new Feed(CHANNEL, List.of(fullItem(), second)), OutputFormat.TEXT, OPTIONS),
                StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("""
                Title & <more>
                https://news.example.org/1?a=1&b=2
                2024-06-30T10:15:30Z
                Summary

                Second
                https://x.example.org/2
                Line one two
                """);
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void sameFeedSameBytes(OutputFormat format) throws Exception {
        Feed feed = new FeedParser().parse(Fixtures.bench("F1.xml"), "", "http://127.0.0.1:8701/F1.xml");
        Feed again = new FeedParser().parse(Fixtures.bench("F1.xml"), "", "http://127.0.0.1:8701/F1.xml");

        byte[] first = writer.write(feed, format, OPTIONS);

        assertThat(writer.write(again, format, OPTIONS)).isEqualTo(first);
    }
}
