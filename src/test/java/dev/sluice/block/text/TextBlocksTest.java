package dev.sluice.block.text;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** URL Builder and String Builder: text in, text out. */
class TextBlocksTest {

    private static String build(String base, String path, String query) {
        Value out = UrlBuilderBlock.TYPE.block().run(callWithInputs(List.of(), base, path, query), new TestContext());
        return ((Value.Text) out).text();
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} + {2}")
    @CsvSource(delimiter = '|', value = {
            "https://example.org/api   | v1/items      | ''                  | https://example.org/api/v1/items",
            "https://example.org/api/  | v1/items      | ''                  | https://example.org/api/v1/items",
            "https://example.org/api/  | /v1/items     | ''                  | https://example.org/api/v1/items",
            "https://example.org/api   | //v1/items/   | ''                  | https://example.org/api/v1/items/",
            "https://example.org       | search        | q=rust              | https://example.org/search?q=rust",
            "https://example.org       | ''            | a=1&b=two words     | https://example.org/?a=1&b=two%20words",
            "https://example.org/s     | ''            | q=rock+roll&x=a/b?c | https://example.org/s?q=rock%2Broll&x=a%2Fb%3Fc",
            "https://example.org/s     | my docs       | ''                  | https://example.org/s/my%20docs",
            "https://example.org/s?k=1 | ''            | q=ü                 | https://example.org/s?k=1&q=%C3%BC",
            "https://example.org/s     | ''            | flag&&q=            | https://example.org/s?flag&q=",
            "  https://example.org     | ''            | ''                  | https://example.org/",
    })
    void joinsBasePathAndEncodedQuery(String base, String path, String query, String expected) {
        assertThat(build(base, path, query)).isEqualTo(expected);
    }

    @Test
    void queryLinesLetAValueContainAnAmpersand() {
        assertThat(build("https://example.org/s", "", "q=rock & roll\n\n  page = 2 \r\n"))
                .isEqualTo("https://example.org/s?q=rock%20%26%20roll&page=2");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "''                 | No base URL",
            "example.org/feed   | is not an http or https address",
            "ftp://example.org/ | is not an http or https address",
    })
    void aBadBaseIsAClearError(String base, String message) {
        assertThatThrownBy(() -> build(base, "x", "")).isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{index}] → \"{4}\"")
    @CsvSource(delimiter = '|', value = {
            "news about | ' '  | rust    | ''   | news about rust",
            "''         | ''   | ''      | ''   | ''",
            "a          | b    | ''      | d    | abd",
    })
    void stringBuilderJoinsItsPartsInOrder(String p1, String p2, String p3, String p4, String expected) {
        Value out = StringBuilderBlock.TYPE.block().run(callWithInputs(List.of(), p1, p2, p3, p4), new TestContext());
        assertThat(out).isEqualTo(new Value.Text(expected));
    }

    @Test
    void stringBuilderJoinsMorePartsThanThePaletteShowsAndSkipsMissingOnes() {
        Value out = StringBuilderBlock.TYPE.block().run(callWithInputs(List.of(), "a", null, "c", "d", "e"), new TestContext());
        assertThat(out).isEqualTo(new Value.Text("acde"));
    }
}
