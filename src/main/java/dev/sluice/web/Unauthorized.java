package dev.sluice.web;

/** Thrown by a route that needs a logged-in caller: 401 on the API, a redirect to /login on pages. */
final class Unauthorized extends RuntimeException {
    Unauthorized(String message) {
        super(message, null, false, false);
    }
}
