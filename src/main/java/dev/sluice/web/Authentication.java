package dev.sluice.web;

import dev.sluice.auth.ApiTokens;
import dev.sluice.auth.Sessions;
import io.javalin.http.Context;

/**
 * Finds the caller of every request, once: an {@code Authorization: Bearer} API token, else the
 * session cookie. Unknown or expired credentials simply leave the request anonymous; routes
 * decide what anonymous callers may do.
 */
final class Authentication {
    private final Sessions sessions;
    private final ApiTokens tokens;

    Authentication(Sessions sessions, ApiTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    void identify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.userFor(header.substring(7).strip())
                    .ifPresent(u -> ctx.attribute(Caller.ATTRIBUTE, new Caller(u, true)));
            return;
        }
        String cookie = ctx.cookie(Sessions.COOKIE);
        if (cookie != null && !cookie.isBlank()) {
            sessions.userFor(cookie).ifPresent(u -> ctx.attribute(Caller.ATTRIBUTE, new Caller(u, false)));
        }
    }
}
