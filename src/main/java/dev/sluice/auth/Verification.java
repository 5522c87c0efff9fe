package dev.sluice.auth;

import dev.sluice.model.User;

/** What following a login link came to. */
public sealed interface Verification {

    /**
     * The user (created if new) is logged in.
     *
     * @param sessionId for the session cookie
     * @param nextPath  where the login was asked from; null when not given
     */
    record LoggedIn(User user, String sessionId, String nextPath) implements Verification {
    }

    /** The link was unknown, used or expired. */
    record Refused(LinkRedemption.Reason reason) implements Verification {
    }
}
