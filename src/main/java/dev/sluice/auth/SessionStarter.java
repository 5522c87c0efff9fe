package dev.sluice.auth;

/**
 * Starts a logged-in session: what a login method (Portier, the e-mail link) calls once it knows
 * who the person is. Implemented by the sessions store; the answer is the value of the
 * {@code sluice_session} cookie.
 */
@FunctionalInterface
public interface SessionStarter {
    /** Starts a session for {@code userId} and returns the cookie value that identifies it. */
    String start(long userId);
}
