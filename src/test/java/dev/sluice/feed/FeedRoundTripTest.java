package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What Sluice writes, Sluice (and so any reader) reads back: titles, links, dates and GUIDs survive. */
class FeedRoundTripTest {

    private final FeedParser parser = new FeedParser();
    private final FeedWriter writer = new FeedWriter();

    static Stream<Arguments> feedsAndFormats() {
        return Stream.of("F1.xml", "F2.xml", "F3.xml", "F4.xml", "A1.xml").flatMap(file ->
                Stream.of(OutputFormat.RSS, OutputFormat.ATOM, OutputFormat.JSON).map(format -> Arguments.of(file, format)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("feedsAndFormats")
    void keepsTitlesLinksDatesAndGuids(String file, OutputFormat format) throws Exception {
        Feed original = parser.parse(Fixtures.bench(file), "", "http://127.0.0.1:8701/" + file);
        WriteOptions options = new WriteOptions("https://sluice.example/feed/p." + format.extension(), "https://sluice.example/p", "");

        Feed reread = parser.parse(writer.write(original, format, options), format.contentType(), options.selfUrl());

        assertThat(reread.channel().title()).isEqualTo(original.channel().title());
        assertThat(reread.items()).hasSameSizeAs(original.items());
        List<Item> before = original.items();
        List<Item> after = reread.items();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).guid()).isEqualTo(before.get(i).guid());
            assertThat(after.get(i).title()).isEqualTo(before.get(i).title());
            assertThat(after.get(i).link()).isEqualTo(before.get(i).link());
            assertThat(seconds(after.get(i).date())).isEqualTo(seconds(before.get(i).date())).isNotNull();
            assertThat(after.get(i).categories()).extracting(Category::term)
                    .containsExactlyElementsOf(before.get(i).categories().stream().map(Category::term).toList());
        }
    }

    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
