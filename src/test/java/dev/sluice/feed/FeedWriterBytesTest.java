package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * RSS and Atom come out byte for byte as they did when Rome built the feed and JDOM wrote it
 * ({@link RomeFeedWriter}): feed readers send the ETag back and compare it, so output that moved
 * on an upgrade would make every subscriber download every feed again. Compared on every feed
 * the fixtures hold, the bench feeds together, and hand-built feeds full of what XML writers
 * disagree on ({@link EdgeFeeds}).
 */
class FeedWriterBytesTest {

    private static final Path RESOURCES = Path.of("src/test/resources");
    static final WriteOptions FULL = new WriteOptions("https://sluice.example/feed/abc123?key=k&format=rss",
            "https://sluice.example/pipe/abc123", "Sluice 0.1", "https://sluice.example/websub?topic=a&b=\"c\"");
    static final List<WriteOptions> OPTIONS = List.of(FULL,
            new WriteOptions("", "", ""),
            new WriteOptions("", "https://sluice.example/pipe/abc123", "", ""),
            new WriteOptions("https://sluice.example/feed/abc123", "", "Sluice & <co> \"quoted\" \uD83D\uDE80", ""),
            new WriteOptions("", "", "", "https://hub.example/\uD83D\uDE80?a=1&b=2"));

    private final FeedWriter writer = new FeedWriter();

    @TestFactory
    Stream<DynamicTest> everyFixtureFeedIsWrittenAsRomeWroteIt() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            files = walk.filter(Files::isRegularFile).filter(FeedWriterBytesTest::mayBeFeed).sorted().toList();
        }
        List<Map.Entry<String, Feed>> feeds = new ArrayList<>();
        for (Path file : files) {
            try {
                String name = RESOURCES.relativize(file).toString();
                feeds.add(Map.entry(name, new FeedParser().parse(read(file), "", "https://fixtures.example/" + name)));
            } catch (FeedParseException notAFeed) {
                // broken on purpose, or JSON that is not a feed: nothing to write
            }
        }
        assertThat(feeds).as("fixture feeds found under " + RESOURCES).hasSizeGreaterThan(350);
        return feeds.stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            int i = feeds.indexOf(entry);
            assertWrittenAsRome(entry.getKey(), entry.getValue(), FULL);
            assertWrittenAsRome(entry.getKey(), entry.getValue(), OPTIONS.get(1 + i % (OPTIONS.size() - 1)));
        }));
    }

    @Test
    void theBenchFeedsTogetherAreWrittenAsRomeWroteThem() throws Exception {
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            items.addAll(new FeedParser().parse(Fixtures.bench("F" + i + ".xml"), "", "https://bench.example/F" + i).items());
        }
        assertThat(items).hasSize(1_700);
        Feed feed = new Feed(new Channel("Bench feeds F1 to F8", "https://bench.example/", "", null, null), items);

        for (WriteOptions options : OPTIONS) {
            assertWrittenAsRome("F1..F8", feed, options);
        }
    }

    @TestFactory
    Stream<DynamicTest> edgeCasesAreWrittenAsRomeWroteThem() {
        return EdgeFeeds.all().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            for (WriteOptions options : OPTIONS) {
                assertWrittenAsRome(entry.getKey(), entry.getValue(), options);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomFeedsOfAwkwardCharactersAreWrittenAsRomeWroteThem() {
        return EdgeFeeds.random(20240630L, 150).stream().map(feed -> DynamicTest.dynamicTest(feed.channel().title(), () -> {
            for (WriteOptions options : OPTIONS) {
                assertWrittenAsRome("random", feed, options);
            }
        }));
    }

    /** A long feed is written in slices side by side: its awkward items must come out as from one writer. */
    @Test
    void aLongFeedOfAwkwardItemsIsWrittenAsRomeWroteIt() throws Exception {
        List<Item> items = new ArrayList<>();
        EdgeFeeds.all().values().forEach(feed -> items.addAll(feed.items()));
        EdgeFeeds.random(20241206L, 400).forEach(feed -> items.addAll(feed.items()));
        assertThat(items.size()).isGreaterThan(3 * XmlOutput.PARALLEL_FROM);
        for (Channel channel : List.of(new Channel("Edge items", "https://edge.example/", "", null, "https://edge.example/i.png"),
                EdgeFeeds.random(7L, 1).get(0).channel())) {
            for (WriteOptions options : OPTIONS) {
                assertWrittenAsRome("edge items together", new Feed(channel, items), options);
            }
        }
    }

    private void assertWrittenAsRome(String what, Feed feed, WriteOptions options) throws Exception {
        for (OutputFormat format : List.of(OutputFormat.RSS, OutputFormat.ATOM)) {
            byte[] expected = RomeFeedWriter.write(feed, format, options);
            byte[] actual = writer.write(feed, format, options);
            assertThat(Arrays.mismatch(expected, actual)).as(() -> what + " as " + format + " with " + options
                    + ": differs, " + firstDifference(expected, actual)).isEqualTo(-1);
        }
    }

    /** Where two outputs part, with the text around it: a whole feed in a message is unreadable. */
    static String firstDifference(byte[] expected, byte[] actual) {
        int i = 0;
        while (i < expected.length && i < actual.length && expected[i] == actual[i]) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "first difference at byte " + i + "\n  expected ..." + excerpt(expected, from, i + 80)
                + "\n  actual   ..." + excerpt(actual, from, i + 80);
    }

    private static String excerpt(byte[] bytes, int from, int to) {
        String s = new String(bytes, Math.min(from, bytes.length), Math.min(to, bytes.length) - Math.min(from, bytes.length),
                StandardCharsets.UTF_8);
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static boolean mayBeFeed(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".xml") || name.endsWith(".rdf") || name.endsWith(".json") || name.endsWith(".xml.gz");
    }

    private static byte[] read(Path file) {
        try {
            if (file.toString().endsWith(".gz")) {
                try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
