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
    private final SessionCookie cookie;

    Authentication(Sessions sessions, ApiTokens tokens, SessionCookie cookie) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.cookie = cookie;
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
            sessions.resume(cookie).ifPresent(live -> {
                ctx.attribute(Caller.ATTRIBUTE, new Caller(live.user(), false));
                if (live.renewed()) {
                    // The session was extended: so is the browser's copy (30 days sliding).
                    this.cookie.set(ctx, cookie);
                }
            });
        }
    }
}
