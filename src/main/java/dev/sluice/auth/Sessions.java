package dev.sluice.auth;

import dev.sluice.store.User;
import java.util.Optional;

/**
 * Server-side sessions (SPEC §12): stored hashed in SQLite so they survive restarts, 30 days
 * sliding. STUB — the login work fills this in.
 */
public class Sessions {
    /** The session cookie's name. */
    public static final String COOKIE = "sluice_session";

    /** The user of a live session, from the cookie's value; empty when unknown or expired. */
    public Optional<User> userFor(String cookieValue) {
        return Optional.empty();
    }
}
