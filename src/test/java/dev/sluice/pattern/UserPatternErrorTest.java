package dev.sluice.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserPatternErrorTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("/a(b/", "Invalid pattern /a(b/: missing closing ) at position 3"),
                Arguments.of("/[abc/", "Invalid pattern /[abc/: missing closing ] at position 3"),
                Arguments.of("/*a/", "Invalid pattern /*a/: missing argument to repetition operator at position 0"),
                Arguments.of("/a)b/", "Invalid pattern /a)b/: unmatched closing ) at position 1"),
                Arguments.of("/a**/", "Invalid pattern /a**/: nothing to repeat before '*' at position 2"),
                Arguments.of("/[z-a]/", "Invalid pattern /[z-a]/: invalid character class range at position 3"),
                Arguments.of("%r{(x}i", "Invalid pattern %r{(x}i: missing closing ) at position 2"),
                // the position is in the pattern as typed, even where x mode dropped whitespace
                Arguments.of("/ a  ( b /x", "Invalid pattern / a  ( b /x: missing closing ) at position 8"),
                Arguments.of("/ # comment\n a)/x", "Invalid pattern / # comment\n a)/x: unmatched closing ) at position 13"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidPatternNamesTheProblemAndItsPosition(String pattern, String message) {
        assertThatThrownBy(() -> UserPattern.compile(pattern))
                .isInstanceOf(PatternError.class)
                .isInstanceOf(BlockError.class)
                .hasMessage(message);
    }

    @Test
    void aTooLongPatternIsRefused() {
        String tooLong = "/" + "a".repeat(UserPattern.MAX_LENGTH) + "/";
        assertThatThrownBy(() -> UserPattern.compile(tooLong))
                .isInstanceOf(PatternError.class)
                .hasMessageContaining("too long")
                .hasMessageContaining("4096");
        assertThat(UserPattern.compile("a".repeat(UserPattern.MAX_LENGTH)).isRegex()).isFalse();
    }

    @Test
    void anInvalidLookingLiteralIsJustALiteral() {
        assertThat(UserPattern.compile("a(b").isRegex()).isFalse();
        assertThat(UserPattern.compile("/a(b").isRegex()).isFalse();
    }
}
