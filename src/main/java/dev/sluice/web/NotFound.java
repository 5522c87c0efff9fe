package dev.sluice.web;

/** Thrown by a route for a resource that does not exist or that the caller may not see. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message, null, false, false);
    }
}
