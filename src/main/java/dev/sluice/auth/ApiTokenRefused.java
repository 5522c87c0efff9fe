package dev.sluice.auth;

/** A token cannot be created as asked (name too long, too many tokens); the message says why. */
public final class ApiTokenRefused extends RuntimeException {
    ApiTokenRefused(String message) {
        super(message, null, false, false);
    }
}
