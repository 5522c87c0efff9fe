package dev.sluice.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.Deadline;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserPatternFindTest {

    private static final Deadline DEADLINE = Deadline.in(Duration.ofMinutes(1));

    static Stream<Arguments> cases() {
        return Stream.of(
                // literals: case-sensitive substrings, regex characters taken literally
                Arguments.of("quantum", "a quantum leap", true),
                Arguments.of("quantum", "A Quantum leap", false),
                Arguments.of("a.b", "axb", false),
                Arguments.of("a.b", "see a.b here", true),
                Arguments.of("/usr/bin", "#!/usr/bin/env", true),   // flags "bin" are no Ruby flags
                Arguments.of("/usr/bin", "usr", false),
                Arguments.of("rust|java", "java", false),
                // regexes as Pipes CE users wrote them
                Arguments.of("/rust|java/i", "Why I moved to JAVA", true),
                Arguments.of("/rust|java/", "Why I moved to JAVA", false),
                Arguments.of("/^\\[Sponsored\\]/", "[Sponsored] Buy now", true),
                Arguments.of("/^\\[Sponsored\\]/", "Not [Sponsored]", false),
                Arguments.of("%r{a/b}", "path a/b here", true),
                Arguments.of("%r{A/B}i", "path a/b here", true),
                Arguments.of("  /rust/  ", "rust", true),                 // surrounding blanks
                Arguments.of("/rust/e", "rust", true),                     // other Ruby flags ignored
                Arguments.of("//", "anything", true),
                // ^ and $ match at line boundaries, always
                Arguments.of("/^second/", "first line\nsecond line", true),
                Arguments.of("/first$/", "the first\nthe second", true),
                Arguments.of("/\\Asecond/", "first line\nsecond line", false),
                // m: dot matches newline (Ruby's meaning), also inline
                Arguments.of("/a.b/", "a\nb", false),
                Arguments.of("/a.b/m", "a\nb", true),
                Arguments.of("/(?m)a.b/", "a\nb", true),
                Arguments.of("/(?m:a.b)/", "a\nb", true),
                // x: whitespace and comments ignored, except escaped or inside a class
                Arguments.of("/ rust  # the language\n | java /x", "java", true),
                Arguments.of("/a b/x", "ab", true),
                Arguments.of("/a b/x", "a b", false),
                Arguments.of("/a\\ b/x", "a b", true),
                Arguments.of("/a[ ]b/x", "a b", true),
                Arguments.of("/a\\#b/x", "a#b", true),
                Arguments.of("/a[#]b # comment/x", "a#b", true),
                Arguments.of("/a b/ix", "AB", true),
                // Ruby syntax RE2/J spells differently
                Arguments.of("/(?<word>qu\\w+)/", "quantum", true),
                Arguments.of("/^\\h+$/", "cafe12", true),
                Arguments.of("/^\\h+$/", "xyz", false),
                Arguments.of("/(?#a comment)abc/", "abc", true),
                // features only the fallback engine has
                Arguments.of("/(\\w)\\1/", "hello", true),
                Arguments.of("/(\\w)\\1/", "helo", false),
                Arguments.of("/foo(?=bar)/", "foobar", true),
                Arguments.of("/foo(?=bar)/", "foobaz", false),
                Arguments.of("/(?<=\\$)\\d+/", "costs $5", true),
                Arguments.of("/(?<=\\$)\\d+/", "costs 5", false),
                Arguments.of("/(?<x>a)\\k<x>/", "baab", true),
                Arguments.of("/end\\Z/", "the end\n", true),
                Arguments.of("/a++b/", "aaab", true),
                // ignore case is Unicode-aware on both engines
                Arguments.of("/café/i", "CAFÉ", true),
                Arguments.of("/(é)\\1/i", "Éé", true));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @MethodSource("cases")
    void findsLikeRuby(String pattern, String text, boolean expected) {
        assertThat(UserPattern.compile(pattern).find(text, DEADLINE)).isEqualTo(expected);
    }

    @Test
    void tellsRegexFromLiteralAndShowsIt() {
        assertThat(UserPattern.compile("/rust/i").isRegex()).isTrue();
        assertThat(UserPattern.compile("/rust/i")).hasToString("/rust/i");
        assertThat(UserPattern.compile("quantum").isRegex()).isFalse();
        assertThat(UserPattern.compile("quantum")).hasToString("\"quantum\"");
        assertThat(UserPattern.compile("x".repeat(300)).toString()).hasSize(100).endsWith("…");
    }

    @Test
    void compilesEachPatternOnce() {
        assertThat(UserPattern.compile("/cached (pattern)/i")).isSameAs(UserPattern.compile("/cached (pattern)/i"));
    }

    @Test
    void isSafeToShareBetweenThreads() throws InterruptedException {
        UserPattern p = UserPattern.compile("/(\\w+)-\\1/");
        boolean[] wrong = new boolean[1];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    if (!p.find("x abc-abc y", DEADLINE) || p.find("abc-abd", DEADLINE)) {
                        wrong[0] = true;
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(wrong[0]).isFalse();
    }
}
