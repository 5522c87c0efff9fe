package dev.sluice.model;

/** How a real (uncached) run of a saved pipe ended, as its owner's dashboard shows it. */
public enum RunOutcome {
    /** Complete, no failures. */
    OK,
    /** Some block failed; what it produced was served. */
    ERRORS,
    /** The run failed and the last complete output stood in for it (stale-if-error). */
    STALE,
    /** The run hit its plan's time limit. */
    TIMED_OUT
}
