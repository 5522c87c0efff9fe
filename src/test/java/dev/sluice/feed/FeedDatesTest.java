package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class FeedDatesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvFileSource(resources = "/feed/dates.csv", delimiter = '|', numLinesToSkip = 1)
    void readsRealWorldDatesAndRejectsTheRest(String input, String expected) {
        Instant parsed = FeedDates.parse(input);

        if (expected == null) {
            assertThat(parsed).as("unreadable dates are null, never now").isNull();
        } else {
            assertThat(parsed).isEqualTo(Instant.parse(expected));
        }
    }

    @Test
    void writesRfc822InGmtAndRfc3339InUtcToTheSecond() {
        Instant instant = Instant.parse("2024-06-30T12:00:09.789Z");

        assertThat(FeedDates.rfc822(instant)).isEqualTo("Sun, 30 Jun 2024 12:00:09 GMT");
        assertThat(FeedDates.rfc3339(instant)).isEqualTo("2024-06-30T12:00:09Z");
    }

    @Test
    void writtenDatesReadBack() {
        Instant instant = Instant.parse("1999-01-02T03:04:05Z");

        assertThat(FeedDates.parse(FeedDates.rfc822(instant))).isEqualTo(instant);
        assertThat(FeedDates.parse(FeedDates.rfc3339(instant))).isEqualTo(instant);
    }

    @Test
    void hostileLongInputIsRejectedQuickly() {
        assertThat(FeedDates.parse("1".repeat(100_000))).isNull();
        assertThat(FeedDates.parse("Sun, 30 Jun 2024 " + " ".repeat(10_000) + "12:00:00 GMT")).isNull();
    }
}
