package dev.sluice.block.manipulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The same headline as two feeds spell it has one key; different headlines do not. */
class TitleKeyTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Rust 1.80 released!                | rust 1.80 released
            It’s here: “Sluice” 2.0            | It's here - 'Sluice' 2.0
            Straße gesperrt                    | STRASSE GESPERRT
            ﬁnal results                       | final results
            Ｆｕｌｌ width                       | Full width
            Zero\u200Bwidth                    | Zerowidth
            "  spaced \\t out\\n title "         | spaced out title
            Well-known fact                    | well known fact
            Non\u00A0breaking space            | Non breaking space
            ΟΔΥΣΣΕΥΣ                           | οδυσσευς
            Question? Answer!                  | question answer
            (Update) New ferry timetable…      | [update] new ferry timetable...
            """)
    void sameHeadline(String a, String b) {
        assertThat(TitleKey.of(unescape(a))).isNotNull().isEqualTo(TitleKey.of(unescape(b)));
    }

    @Test
    void composedAndDecomposedAccentsAreTheSame() {
        assertThat(TitleKey.of("Café opens")).isEqualTo(TitleKey.of("Cafe\u0301 opens"));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            C++ released            | C released
            Résumé tips             | Resume tips
            Part 1                  | Part 2
            Prices up 5%            | Prices up 5$
            """)
    void differentHeadlines(String a, String b) {
        assertThat(TitleKey.of(a)).isNotEqualTo(TitleKey.of(b));
    }

    @Test
    void theKeyIsTheWordsInLowerCaseSeparatedBySingleSpaces() {
        assertThat(TitleKey.of("  Breaking:  “Sluice” 2.0 — is OUT!! ")).isEqualTo("breaking sluice 2 0 is out");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!! ???", "\u200B", "— … —", "\t\n"})
    void aTitleWithoutWordsHasNoKey(String title) {
        assertThat(TitleKey.of(title)).isNull();
        assertThat(TitleKey.of(null)).isNull();
    }

    @Test
    void longAndHostileTitlesGetAKey() {
        assertThat(TitleKey.of("a. ".repeat(300_000))).hasSize(600_000 - 1);
        assertThat(TitleKey.of("e" + "\u0301".repeat(100_000))).startsWith("é");
        assertThat(TitleKey.of("\u200B".repeat(100_000) + "x" + "!".repeat(100_000))).isEqualTo("x");
        assertThat(TitleKey.of("\uD83D\uDE00 emoji \uD83D\uDE00")).isEqualTo("\uD83D\uDE00 emoji \uD83D\uDE00");
        assertThat(TitleKey.of("broken \uD800 surrogate")).isEqualTo(TitleKey.of("BROKEN \uD800 SURROGATE"));
    }

    /** The table's \t, \n and \\uXXXX escapes (CSV has none). */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == 't' || n == 'n') {
                    out.append(n == 't' ? '\t' : '\n');
                    i++;
                    continue;
                }
                if (n == 'u' && i + 5 < s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
