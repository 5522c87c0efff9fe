package dev.sluice.block.create;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which language a selector is read in: prefixes first, then the document, then its shape. */
class SelectorTest {

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "a.headline|HTML|CSS|a.headline",
            // Pipes CE read every selector with a slash as XPath; this one is CSS.
            "a[href*=\"/news/\"]|HTML|CSS|a[href*=\"/news/\"]",
            "//h2/a|HTML|XPATH|//h2/a",
            "(//h2/a)[1]|HTML|XPATH|(//h2/a)[1]",
            "concat(//title, ' !')|HTML|XPATH|concat(//title, ' !')",
            "$.stations[*].name|JSON|JSONPATH|$.stations[*].name",
            "stations[0].name|JSON|JSONPATH|stations[0].name",
            "$.x|HTML|JSONPATH|$.x",
            "css:h2 > a|HTML|CSS|h2 > a",
            "XPath: //h2|HTML|XPATH|//h2",
            "json:$.network|HTML|JSONPATH|$.network",
            "css:book|JSON|CSS|book",
            "book > title|XML|CSS|book > title",
    })
    void modeIsChosenFromPrefixDocumentAndShape(String raw, PageFormat format, Selector.Mode mode, String expression) {
        Selector selector = Selector.parse(raw, format);
        assertThat(selector.mode()).isEqualTo(mode);
        assertThat(selector.expression()).isEqualTo(expression);
    }
}
