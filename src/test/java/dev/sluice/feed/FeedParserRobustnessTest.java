package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken, hostile and oversized input: recovered when possible, a clear message otherwise. */
class FeedParserRobustnessTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void recoversBrokenMarkup() throws Exception {
        Feed feed = parser.parse(Fixtures.feed("broken.xml"), "application/rss+xml", "https://broken.example.org/rss");

        assertThat(feed.channel().title()).isEqualTo("Tom & Jerry\u00a0News");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0).title()).isEqualTo("Cats & dogs \u2014 a review");
        assertThat(feed.items().get(0).link()).isEqualTo("https://broken.example.org/1?a=1&b=2");
        assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2024-06-30T12:00:00Z"));
        assertThat(feed.items().get(1).title()).isEqualTo("Second item");
    }

    @Test
    void recoversTruncatedFeedsAndControlCharacters() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Cut\u0001 off</title><item><title>Kept</title>"
                + "<link>https://cut.example.org/1</link></item><item><title>Half";

        Feed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "", "");

        assertThat(feed.channel().title()).isEqualTo("Cut off");
        assertThat(feed.items()).extracting(Item::title).containsExactly("Kept", "Half");
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        Feed feed = parser.parse(Fixtures.feed("xxe.xml"), "application/rss+xml", "https://xxe.example.org/rss");

        String everything = feed.toString();
        assertThat(everything).doesNotContain("root:").doesNotContain("/bin/");
        assertThat(feed.items()).hasSize(1);
        assertThat(feed.items().get(0).link()).isEqualTo("https://xxe.example.org/1");
    }

    @Test
    void billionLaughsNeitherExpandsNorHangs() {
        byte[] body = Fixtures.feed("billion-laughs.xml");

        Feed feed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(body, "", ""));

        assertThat(feed.channel().description()).doesNotContain("lollol");
        assertThat(feed.items().get(0).title()).doesNotContain("lollol");
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', value = {
            "''                                                       | ''                       | not a feed: the document is empty",
            "'   '                                                    | ''                       | not a feed: the document is empty",
            "<!DOCTYPE html><html><head><title>x</title></head></html> | text/html                | not a feed: the document is HTML",
            "<html><body>Moved</body></html>                          | application/rss+xml      | not a feed: the document is HTML",
            "Just some text                                           | text/plain               | not a feed: the document is neither XML nor JSON",
            "<note><to>Tove</to></note>                               | application/xml          | not a feed: the XML root element is <note>, not RSS or Atom",
            "<?xml version=\"1.0\"?>                                  | application/rss+xml      | XML error at line 1: ",
            "{\"version\": \"x\", \"items\": [}                       | application/feed+json    | JSON error at line 1: ",
            "{\"title\": \"no items\"}                                | application/json         | not a feed: JSON without a JSON Feed \"items\" list",
            "[1, 2, 3]                                                | application/json         | not a feed: JSON without a JSON Feed \"items\" list",
    })
    void unreadableDocumentsGiveAPlainMessage(String body, String contentType, String message) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), contentType, "https://x.example.org/"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void keepsAtMostTenThousandItems() throws Exception {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>");
        for (int i = 0; i < FeedParser.MAX_ITEMS + 50; i++) {
            xml.append("<item><title>t").append(i).append("</title><link>https://big.example.org/")
                    .append(i).append("</link></item>");
        }
        xml.append("</channel></rss>");

        Feed feed = parser.parse(xml.toString().getBytes(StandardCharsets.UTF_8), "", "");

        assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS);
        assertThat(feed.items().get(FeedParser.MAX_ITEMS - 1).title()).isEqualTo("t9999");
        assertThat(feed.sourceEntries()).as("what the trace shows beside the items").isEqualTo(FeedParser.MAX_ITEMS + 50);
    }

    @Test
    void jsonFeedItemsAreCappedToo() throws Exception {
        String items = String.join(",", java.util.Collections.nCopies(FeedParser.MAX_ITEMS + 5, "{\"id\":\"x\"}"));
        byte[] body = ("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[" + items + "]}")
                .getBytes(StandardCharsets.UTF_8);

        Feed feed = parser.parse(body, "", "");
        assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS);
        assertThat(feed.sourceEntries()).isEqualTo(FeedParser.MAX_ITEMS + 5);
    }

    @Test
    void fiveMegabytesOfEscapedHtmlStayWithinTheXmlParsersLimits() throws Exception {
        byte[] t1;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Fixtures.bench("T1.xml.gz")))) {
            t1 = in.readAllBytes();
        }

        Feed feed = parser.parse(t1, "application/rss+xml", "http://127.0.0.1:8703/T1.xml");

        assertThat(feed.items()).hasSize(3_659);
        assertThat(feed.items().get(0).title()).isEqualTo("a".repeat(30) + "! b");
    }

    @Test
    void rssWithoutVersionIsReadAsRss2() throws Exception {
        byte[] body = "<rss><channel><title>No version</title><item><title>a</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(body, "", "").items()).extracting(Item::title).containsExactly("a");
    }

    @Test
    void theLargestBenchFeedParsesFastWhenWarm() throws Exception {
        byte[] f4 = Fixtures.bench("F4.xml");
        long[] nanos = new long[7];
        for (int i = 0; i < 5; i++) {
            parser.parse(f4, "application/rss+xml", "http://127.0.0.1:8701/F4.xml"); // warm up
        }
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            parser.parse(f4, "application/rss+xml", "http://127.0.0.1:8701/F4.xml");
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);

        // ~10 ms on a 2-core machine; the margin only catches accidental quadratic work
        assertThat(Duration.ofNanos(nanos[nanos.length / 2])).isLessThan(Duration.ofMillis(500));
    }
}
