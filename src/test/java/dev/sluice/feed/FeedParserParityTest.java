package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sluice reads XML feeds from the tree itself ({@link XmlFeedParser}); before, Rome built a
 * {@code SyndFeed} that was then mapped ({@link RomeXmlFeedParser}). Every XML document under
 * src/test/resources (the conformance suite, the fixtures, the bench feeds, the fuzz corpus) and
 * every hand-built one ({@link ParityDocuments}) must come out of both as equal {@link Feed}s, or
 * fail in both with the same message. One dynamic test per document.
 *
 * <p>The few documents read differently on purpose are listed in {@link #DELIBERATE} with the
 * reason: all are documents Rome refused over one malformed optional value, or refused with
 * the text of a NullPointerException; and entries under an entry root are read as every Atom
 * entry is ({@link #entriesUnderAnEntryRootAreReadAsEveryAtomEntryIs()}).
 */
class FeedParserParityTest {

    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final String BASE = "https://fixtures.example/";

    private static final String REFUSED = "refused by both: ";

    /**
     * Documents read differently on purpose, with the reason. Those whose reason starts with
     * {@link #REFUSED} are refused by both, with a message here that says what is missing; Rome
     * refused the others over one optional value it could not read, and they are read here.
     */
    private static final Map<String, String> DELIBERATE = Map.ofEntries(
            Map.entry("rss without channel", REFUSED + "Rome's message was a NullPointerException's text"),
            Map.entry("rss channel in another namespace", REFUSED + "Rome's message was a NullPointerException's text"),
            Map.entry("rss in atom namespace", REFUSED + "Rome's message was a NullPointerException's text"),
            Map.entry("rdf 0.90 without channel", REFUSED + "Rome's message was a NullPointerException's text"),
            Map.entry("rss cloud port not a number", "Rome refused the feed: the cloud's port is not an integer"),
            Map.entry("rss skipHours not a number", "Rome refused the feed: a skipHours hour is not an integer"),
            Map.entry("rdf updateFrequency not a number", "Rome refused the feed: sy:updateFrequency is not an integer"),
            Map.entry("atom10 updatePeriod unknown", "Rome refused the feed: sy:updatePeriod is not one of its five words"),
            Map.entry("atom10 self link without href", "Rome refused the feed: it looked for a base URL in the self link's href"),
            Map.entry("atom03 mode in capitals", "Rome refused the feed: an Atom 0.3 mode it did not know (\"Escaped\")"),
            Map.entry("atom03 base64 with line breaks", "Rome refused the feed: its base64 decoder failed on the indented lines"));

    @TestFactory
    Stream<DynamicTest> everyResourceDocumentReadsAsRomeReadIt() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            files = walk.filter(Files::isRegularFile).filter(FeedParserParityTest::mayBeXml).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(400);
        return files.stream().map(file -> {
            String name = RESOURCES.relativize(file).toString();
            return DynamicTest.dynamicTest(name, () -> assertSameReading(name, read(file), BASE + name));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyHandBuiltDocumentReadsAsRomeReadIt() {
        return ParityDocuments.all().entrySet().stream().map(doc -> DynamicTest.dynamicTest(doc.getKey(),
                () -> assertSameReading(doc.getKey(), utf8(doc.getValue()), "https://hand.example/feeds/doc.xml")));
    }

    @TestFactory
    Stream<DynamicTest> feedsPastTheItemLimitReadAsRomeReadThem() {
        int count = FeedParser.MAX_ITEMS + 25;
        return Stream.of(
                DynamicTest.dynamicTest("RSS 2.0", () -> assertSameReading("rss", utf8(many(count,
                        "<rss version=\"2.0\"><channel><title>Many</title>", "</channel></rss>",
                        "<item><title>i%1$d</title><link>/i/%1$d</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>")),
                        BASE + "many.rss")),
                DynamicTest.dynamicTest("RSS 1.0", () -> assertSameReading("rdf", utf8(many(count,
                        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                                + "<channel><title>Many</title></channel>", "</rdf:RDF>",
                        "<item rdf:about=\"/i/%1$d\"><title>i%1$d</title></item>")), BASE + "many.rdf")),
                DynamicTest.dynamicTest("Atom 1.0", () -> assertSameReading("atom", utf8(many(count,
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Many</title>", "</feed>",
                        "<entry><title>e%1$d</title><id>urn:e:%1$d</id><updated>2024-01-01T00:00:00Z</updated></entry>")),
                        BASE + "many.atom")));
    }

    @TestFactory
    Stream<DynamicTest> documentsReadDifferentlyOnPurpose() {
        Map<String, String> docs = ParityDocuments.deliberate();
        assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(DELIBERATE.keySet());
        return docs.entrySet().stream().map(doc -> DynamicTest.dynamicTest(doc.getKey(), () -> {
            byte[] body = utf8(doc.getValue());
            assertThatThrownBy(() -> RomeXmlFeedParser.parse(body, "", BASE)).isInstanceOf(FeedParseException.class);
            if (DELIBERATE.get(doc.getKey()).startsWith(REFUSED)) {
                assertThatThrownBy(() -> XmlFeedParser.parse(body, "", BASE))
                        .isInstanceOf(FeedParseException.class)
                        .hasMessageMatching("not a readable feed: no RSS <channel> in <[a-zA-Z:]+>");
            } else {
                assertThat(XmlFeedParser.parse(body, "", BASE).items()).extracting(Item::title).containsExactly("kept");
            }
        }));
    }

    /**
     * Entries that are not children of a feed get no tree facts, so Rome's reading of them was
     * used; now they are read as every other Atom entry, and an xhtml construct loses its div
     * wrapper, which is not content. Everything else reads as before.
     */
    @Test
    void entriesUnderAnEntryRootAreReadAsEveryAtomEntryIs() throws FeedParseException {
        byte[] body = utf8(ParityDocuments.entryRoot());
        Feed rome = RomeXmlFeedParser.parse(body, "", BASE);
        Feed tree = XmlFeedParser.parse(body, "", BASE);
        assertThat(tree.channel()).isEqualTo(rome.channel());
        assertThat(tree.items()).hasSize(2);
        assertThat(tree.items().get(0)).isEqualTo(rome.items().get(0));
        assertThat(rome.items().get(1).description()).isEqualTo("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>s</p></div>");
        assertThat(tree.items().get(1).description()).isEqualTo("<p>s</p>");
        assertThat(tree.items().get(1).title()).isEqualTo(rome.items().get(1).title()).isEqualTo("X");
    }

    private static void assertSameReading(String name, byte[] body, String url) {
        Object rome = outcome(() -> RomeXmlFeedParser.parse(body, "", url));
        Object tree = outcome(() -> XmlFeedParser.parse(body, "", url));
        if (rome instanceof Feed romeFeed && tree instanceof Feed treeFeed) {
            assertThat(treeFeed.channel()).as(name + ": channel").isEqualTo(romeFeed.channel());
            assertThat(treeFeed.sourceEntries()).as(name + ": source entries").isEqualTo(romeFeed.sourceEntries());
            assertThat(treeFeed.items()).as(name + ": item count").hasSameSizeAs(romeFeed.items());
            for (int i = 0; i < romeFeed.items().size(); i++) {
                assertThat(treeFeed.items().get(i)).as(name + ": item " + i).isEqualTo(romeFeed.items().get(i));
            }
        } else {
            assertThat(tree).as(name).isEqualTo(rome);
        }
    }

    private interface Parse {
        Feed parse() throws FeedParseException;
    }

    /** The feed, or the message it was refused with. */
    private static Object outcome(Parse parse) {
        try {
            return parse.parse();
        } catch (FeedParseException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static boolean mayBeXml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".xml") || name.endsWith(".rdf") || name.endsWith(".xml.gz") || name.endsWith(".html");
    }

    private static byte[] read(Path file) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static String many(int count, String head, String tail, String entry) {
        List<String> parts = new ArrayList<>(count + 2);
        parts.add(head);
        for (int i = 0; i < count; i++) {
            parts.add(entry.formatted(i));
        }
        parts.add(tail);
        return String.join("\n", parts);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
