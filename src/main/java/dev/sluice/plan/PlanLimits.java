package dev.sluice.plan;

import dev.sluice.model.User;
import java.time.Duration;

/**
 * The server-side enforcement of plans: one place that turns a user into the limits
 * they run under, so routes and services never read plan fields themselves.
 */
public final class PlanLimits {
    private final Plans plans;

    public PlanLimits(Plans plans) {
        this.plans = plans;
    }

    /** The user's plan; an unknown plan name (a plans file that dropped it) counts as free. */
    public Plan planOf(User user) {
        return plans.get(user.plan());
    }

    /** How long one run by (or of a pipe of) {@code user} may take. */
    public Duration runLimitFor(User user) {
        return planOf(user).runLimit();
    }

    /** The limit for runs nobody is accountable for: the default plan's. */
    public Duration defaultRunLimit() {
        return plans.get(Plans.DEFAULT).runLimit();
    }

    /**
     * Refuses a new pipe (created or forked) when {@code user} already has {@code currentCount}
     * pipes and their plan allows no more.
     *
     * @throws PlanLimitExceeded with a message naming the plan and its limit (answered as 403)
     */
    public void checkCanCreate(User user, int currentCount) {
        Plan plan = planOf(user);
        if (currentCount >= plan.maxPipes()) {
            throw new PlanLimitExceeded("Your plan (" + plan.name() + ") allows " + plan.maxPipes()
                    + (plan.maxPipes() == 1 ? " pipe" : " pipes") + "; delete one or move to a larger plan to create more");
        }
    }

    /** What a visitor with no account may do: the anonymous plan. */
    public Plan anonymous() {
        return plans.anonymous();
    }

    /** Whether the Download block may render pages with a browser for {@code user}'s pipes. */
    public boolean jsRendering(User user) {
        return planOf(user).jsRendering();
    }
}
