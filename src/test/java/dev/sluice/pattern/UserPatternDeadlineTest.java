package dev.sluice.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.Deadline;
import dev.sluice.block.DeadlineExceeded;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bench's bait title (T1.xml): 30 a's, then "! b", which makes a backtracking
 * engine try every way to split the a's. Margins are wide on purpose: the point is seconds
 * versus forever, not milliseconds.
 */
class UserPatternDeadlineTest {

    private static final String BAIT = "a".repeat(30) + "! b";
    private static final String LONG_BAIT = "a".repeat(100_000) + "! b";

    @ParameterizedTest
    @ValueSource(strings = {"/(a+)+b/", "/(a+)+$/", "/(a|aa)+b/", "/(a*)*!$/i"})
    void nestedQuantifiersRunInLinearTime(String pattern) {
        UserPattern p = UserPattern.compile(pattern);
        long start = System.nanoTime();
        assertThat(p.find(BAIT, Deadline.in(Duration.ofSeconds(30)))).isFalse();
        assertThat(p.find(LONG_BAIT, Deadline.in(Duration.ofSeconds(30)))).isFalse();
        assertThat(p.replaceAll(LONG_BAIT, "x", Deadline.in(Duration.ofSeconds(30)))).isSameAs(LONG_BAIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/(a+)+\\1b/", "/(?=(a+)+\\1b)/", "/(a|aa)+\\1b/"})
    void aCatastrophicFallbackPatternStopsAtTheDeadline(String pattern) {
        String bait = "a".repeat(45) + "! b"; // hours of backtracking without a deadline
        UserPattern p = UserPattern.compile(pattern);
        long start = System.nanoTime();
        assertThatThrownBy(() -> p.find(bait, Deadline.in(Duration.ofMillis(200))))
                .isInstanceOf(DeadlineExceeded.class);
        assertThatThrownBy(() -> p.replaceAll(bait, "x", Deadline.in(Duration.ofMillis(200))))
                .isInstanceOf(DeadlineExceeded.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
