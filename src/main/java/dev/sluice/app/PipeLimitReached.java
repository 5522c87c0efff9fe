package dev.sluice.app;

import dev.sluice.plan.Plan;

/** A new pipe would take its owner past their plan's pipe limit (SPEC §12): a 403 with the limit. */
public final class PipeLimitReached extends Exception {
    public PipeLimitReached(Plan plan) {
        super("Your plan (" + plan.name() + ") allows " + plan.maxPipes() + " pipes", null, false, false);
    }
}
