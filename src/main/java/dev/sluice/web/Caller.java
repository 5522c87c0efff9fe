package dev.sluice.web;

import dev.sluice.model.User;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is making a request: set once per request by {@link Authentication}, read by routes.
 *
 * @param viaToken true when authenticated by an API token (Bearer), false for a session cookie;
 *                 token requests are exempt from the CSRF origin check
 */
public record Caller(User user, boolean viaToken) {
    static final String ATTRIBUTE = "sluice.caller";

    /** The caller, if the request is authenticated. */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The calling user, if authenticated. */
    public static Optional<User> user(Context ctx) {
        return of(ctx).map(Caller::user);
    }

    /** The calling user, or a 401 ({@link Unauthorized}) for anonymous requests. */
    public static User required(Context ctx) {
        return user(ctx).orElseThrow(() -> new Unauthorized("Log in or send an API token"));
    }
}
