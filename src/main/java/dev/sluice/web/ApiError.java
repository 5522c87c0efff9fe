package dev.sluice.web;

/**
 * A 4xx answer of the JSON API: {@code {"error": message, "block": id}}. Thrown by handlers,
 * written by {@link WebServer}'s exception mapping.
 */
public final class ApiError extends RuntimeException {
    final int status;
    final String block;

    public ApiError(int status, String message, String block) {
        super(message, null, false, false);
        this.status = status;
        this.block = block;
    }

    public ApiError(int status, String message) {
        this(status, message, null);
    }
}
