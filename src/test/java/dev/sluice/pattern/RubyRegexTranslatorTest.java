package dev.sluice.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RubyRegexTranslatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // body              | extended | RE2/J form             | JDK form
            "a b c               | false | a b c                 | a b c",
            "'a b # c'           | true  | ab                    | ab",
            "'a\\ b'             | true  | 'a\\ b'               | 'a\\ b'",
            "'[a b]c d'          | true  | '[a b]cd'             | '[a b]cd'",
            "'[]# ]x # y'        | true  | '[]# ]x'              | '[]# ]x'",
            "'[^]a b]'           | true  | '[^]a b]'             | '[^]a b]'",
            "'[[:alpha:] ]x y'   | true  | '[[:alpha:] ]xy'      | '[[:alpha:] ]xy'",
            "(?<y>\\d+)          | false | (?P<y>\\d+)           | (?<y>\\d+)",
            "(?<=a)b             | false | (?<=a)b               | (?<=a)b",
            "(?<!a)b             | false | (?<!a)b               | (?<!a)b",
            "(?m)a.b             | false | (?s)a.b               | (?s)a.b",
            "(?mi-m:a)           | false | (?si-s:a)             | (?si-s:a)",
            "(?#note)ab          | false | ab                    | ab",
            "\\h+                | false | [0-9a-fA-F]+          | [0-9a-fA-F]+",
            "[\\hx]              | false | [0-9a-fA-Fx]          | [0-9a-fA-Fx]",
            "\\H                 | false | [^0-9a-fA-F]          | [^0-9a-fA-F]",
            "'\\'                | false | '\\'                  | '\\'"})
    void rewritesRubySyntax(String body, boolean extended, String re2, String jdk) {
        RubyRegexTranslator.Translation t = RubyRegexTranslator.translate(body, extended);
        assertThat(t.re2()).isEqualTo(re2);
        assertThat(t.jdk()).isEqualTo(jdk);
    }

    @Test
    void mapsEveryJdkPositionBackToThePatternAsTyped() {
        RubyRegexTranslator.Translation t = RubyRegexTranslator.translate(" a # note\n (?<n> b )", true);
        assertThat(t.jdk()).isEqualTo("a(?<n>b)");
        assertThat(t.bodyIndex(0)).isEqualTo(1);   // a
        assertThat(t.bodyIndex(1)).isEqualTo(11);  // (
        assertThat(t.bodyIndex(6)).isEqualTo(17);  // b
        assertThat(t.bodyIndex(7)).isEqualTo(19);  // )
        assertThat(t.bodyIndex(8)).isEqualTo(20);  // end of the body
        assertThat(t.bodyIndex(99)).isEqualTo(20);
    }
}
