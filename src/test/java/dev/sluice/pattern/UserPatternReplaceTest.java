package dev.sluice.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.Deadline;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserPatternReplaceTest {

    private static final Deadline DEADLINE = Deadline.in(Duration.ofMinutes(1));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("quantum", "classical", "quantum leap, quantum jump", "classical leap, classical jump"),
                Arguments.of("a.b", "X", "a.b axb", "X axb"),
                Arguments.of("quantum", "[\\0]", "a quantum leap", "a [quantum] leap"),
                Arguments.of("/(\\w+)@(\\w+)/", "\\2 at \\1", "mail bob@example", "mail example at bob"),
                Arguments.of("/(\\w+)@(\\w+)/", "$2 at $1", "mail bob@example", "mail example at bob"),
                Arguments.of("/\\d+/", "<\\0>", "1 and 22", "<1> and <22>"),
                Arguments.of("/\\d+/", "<$0>", "1 and 22", "<1> and <22>"),
                Arguments.of("/\\d+/", "<\\&>", "1 and 22", "<1> and <22>"),
                Arguments.of("/(?<y>\\d{4})-(?<m>\\d\\d)/", "${m}/${y}", "on 2024-06", "on 06/2024"),
                Arguments.of("/(?<y>\\d{4})-(?<m>\\d\\d)/", "\\k<m>/\\k<y>", "on 2024-06", "on 06/2024"),
                Arguments.of("/(a)/", "$12", "a", "a2"),                    // no group 12: group 1, then "2"
                Arguments.of("/(a)(b)?/", "[\\2]", "a", "[]"),              // group that took no part
                Arguments.of("/price/", "\\$5", "price", "$5"),            // escaped dollar
                Arguments.of("/price/", "$x and $", "price", "$x and $"),  // a bare $ is itself
                Arguments.of("/sep/", "a\\\\b", "sep", "a\\b"),            // escaped backslash
                Arguments.of("/sep/", "\\n", "sep", "\\n"),                // unknown escape kept
                Arguments.of("/RUST/i", "Java", "Rust and rust", "Java and Java"),
                Arguments.of("/^/", "> ", "one\ntwo", "> one\n> two"),     // ^ at every line
                Arguments.of("/x*/", "-", "abc", "-a-b-c-"),               // empty matches
                Arguments.of("/(a)\\1/", "<\\1>", "aaab", "<a>ab"),        // fallback engine
                Arguments.of("/(?<=\\$)(\\d+)/", "${1}.00", "costs $5", "costs $5.00"));
    }

    @ParameterizedTest(name = "{0} -> {1} in {2}")
    @MethodSource("cases")
    void replacesEveryMatch(String pattern, String replacement, String text, String expected) {
        assertThat(UserPattern.compile(pattern).replaceAll(text, replacement, DEADLINE)).isEqualTo(expected);
    }

    @Test
    void returnsTheSameTextWhenNothingMatched() {
        String text = "nothing to see";
        assertThat(UserPattern.compile("/quantum/").replaceAll(text, "x", DEADLINE)).isSameAs(text);
        assertThat(UserPattern.compile("quantum").replaceAll(text, "x", DEADLINE)).isSameAs(text);
    }

    @Test
    void aCompiledReplacementIsReusable() {
        UserPattern p = UserPattern.compile("/(\\w+)@/");
        Replacement r = p.replacement("\\1 at ");
        assertThat(p.replaceAll("bob@x", r, DEADLINE)).isEqualTo("bob at x");
        assertThat(p.replaceAll("ann@y", r, DEADLINE)).isEqualTo("ann at y");
        assertThat(r.template()).isEqualTo("\\1 at ");
    }

    @Test
    void aReplacementCompiledForAnotherPatternIsRecompiled() {
        Replacement forOther = UserPattern.compile("/(x)/").replacement("<\\1>");
        assertThat(UserPattern.compile("/(a)/").replaceAll("a", forOther, DEADLINE)).isEqualTo("<a>");
    }

    /** Ruby's gsub, which Pipes CE's templates were written for: a missing group is no error there. */
    static Stream<Arguments> missingGroupsAsRuby() {
        return Stream.of(
                Arguments.of("/(a)/", "[\\2]", "xay", "x[]y"),            // \N the pattern lacks adds nothing
                Arguments.of("quantum", "<\\1>", "a quantum leap", "a <> leap"),
                Arguments.of("/(a)(b)/", "$3", "ab", "$3"),               // a $ naming no group stays as typed
                Arguments.of("/price/", "$5 off", "price", "$5 off"),
                Arguments.of("/(?<x>a)/", "${y}", "a", "${y}"),
                Arguments.of("/b/", "[\\`|\\']", "abc", "a[a|c]c"));      // the text before and after the match
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("missingGroupsAsRuby")
    void referencesRubyIgnoresStayAsRubyLeavesThem(String pattern, String replacement, String input, String expected) {
        UserPattern p = UserPattern.compile(pattern);
        assertThat(p.replaceAll(input, p.replacement(replacement), DEADLINE)).isEqualTo(expected);
    }

    static Stream<Arguments> missingGroups() {
        return Stream.of(
                // Ruby fails on an unknown name too
                Arguments.of("/(?<x>a)/", "\\k<y>", "refers to group <y>, which the pattern does not define"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("missingGroups")
    void aReferenceToAMissingGroupIsAClearError(String pattern, String replacement, String message) {
        UserPattern p = UserPattern.compile(pattern);
        assertThatThrownBy(() -> p.replacement(replacement))
                .isInstanceOf(PatternError.class)
                .hasMessageContaining(message)
                .hasMessageContaining("\"" + replacement + "\"");
    }

    @Test
    void aReplacementCannotBalloonTheText() {
        UserPattern p = UserPattern.compile("//");
        String big = "x".repeat(100_000);
        assertThatThrownBy(() -> p.replaceAll("y".repeat(100), big, DEADLINE))
                .isInstanceOf(PatternError.class)
                .hasMessageContaining("longer than 4 MiB");
    }
}
