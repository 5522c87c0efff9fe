package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"rss, RSS", "xml, RSS", ".XML, RSS", "atom, ATOM", "json, JSON", "txt, TEXT", "Txt, TEXT"})
    void knownExtensions(String extension, OutputFormat format) {
        assertThat(OutputFormat.fromExtension(extension)).contains(format);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"html", "''", "rss2", "."})
    void unknownExtensions(String extension) {
        assertThat(OutputFormat.fromExtension(extension)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RSS  | rss  | application/rss+xml; charset=utf-8",
            "ATOM | atom | application/atom+xml; charset=utf-8",
            "JSON | json | application/feed+json; charset=utf-8",
            "TEXT | txt  | text/plain; charset=utf-8",
    })
    void extensionAndContentType(OutputFormat format, String extension, String contentType) {
        assertThat(format.extension()).isEqualTo(extension);
        assertThat(format.contentType()).isEqualTo(contentType);
        assertThat(OutputFormat.fromExtension(extension)).contains(format);
    }
}
