package dev.sluice.web;

/** Thrown by a route that needs a logged-in caller: 401 on the API, a redirect to /login on pages. */
public final class Unauthorized extends RuntimeException {
    public Unauthorized(String message) {
        super(message, null, false, false);
    }
}
