package dev.sluice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up warm-up runs its made-up pipe through every step a cold feed request takes. */
class WarmupTest {

    @Test
    void runsTheRoundsItIsAskedFor() {
        // A failing round (a block rejecting the made-up pipe, a writer error) stops the warm-up
        // early and is reported as fewer rounds.
        assertEquals(3, Warmup.run(3, Duration.ofMinutes(2)));
    }

    @Test
    void stopsWhenItsTimeIsSpent() {
        assertEquals(0, Warmup.run(50, Duration.ZERO));
    }
}
