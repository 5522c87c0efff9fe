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
    /** Request attribute: the id of a session this request extended, for {@link #extendCookie}. */
    private static final String EXTENDED = "sluice.extendedSession";

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final SessionCookie sessionCookie;

    Authentication(Sessions sessions, ApiTokens tokens, SessionCookie sessionCookie) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.sessionCookie = sessionCookie;
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
                    ctx.attribute(EXTENDED, cookie);
                }
            });
        }
    }

    /**
     * After-handler: when the request extended its session, the browser's cookie is extended too
     * (30 days sliding) — except on a response a shared cache may keep (a public feed), which
     * must never carry a session id. The next renewal, an hour on, catches up.
     */
    void extendCookie(Context ctx) {
        String id = ctx.attribute(EXTENDED);
        if (id == null) {
            return;
        }
        String cacheControl = ctx.res().getHeader("Cache-Control");
        if (cacheControl == null || !cacheControl.contains("public")) {
            sessionCookie.set(ctx, id);
        }
    }
}
