package dev.sluice.plan;

/** Something the user's plan does not allow; the message names the plan and the limit. */
public final class PlanLimitExceeded extends RuntimeException {
    public PlanLimitExceeded(String message) {
        super(message, null, false, false);
    }
}
