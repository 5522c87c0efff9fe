package dev.sluice.model;

import java.time.Instant;

/**
 * A mail an incident owes its pipe's owner, waiting to be sent, with what the mail needs to say.
 *
 * @param failures  failed runs in a row now (0 when the pipe works)
 * @param lastRunAt the pipe's newest run, or null
 */
public record AlertNotice(String id, Kind kind, long ownerId, String email, String pipeTitle, Incident incident,
                          AlertSettings settings, int failures, Instant lastRunAt) {

    /** The incident began, or ended. */
    public enum Kind { OPENED, CLEARED }

    /**
     * PENDING until claimed; SENDING once claimed (never sent again, even when a crash leaves it
     * so); SENT; SKIPPED when alerts were off; FAILED when the mail server kept refusing it.
     */
    public enum State { PENDING, SENDING, SENT, SKIPPED, FAILED }
}
