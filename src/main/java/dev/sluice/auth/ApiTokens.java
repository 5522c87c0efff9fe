package dev.sluice.auth;

import dev.sluice.store.User;
import java.util.Optional;

/**
 * API tokens for {@code Authorization: Bearer} (SPEC §12), stored hashed. STUB — the tokens work
 * fills this in.
 */
public class ApiTokens {
    /** The user a live (not revoked) token belongs to; empty otherwise. */
    public Optional<User> userFor(String token) {
        return Optional.empty();
    }
}
