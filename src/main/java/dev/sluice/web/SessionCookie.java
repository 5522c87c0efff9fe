package dev.sluice.web;

import dev.sluice.auth.Sessions;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on
 * cross-site form posts), Path=/, Secure when the site is served over https, and as long-lived
 * as the session it names.
 */
final class SessionCookie {
    private static final int MAX_AGE_SECONDS = Math.toIntExact(Sessions.LIFETIME.toSeconds());
    private final boolean secure;

    SessionCookie(String baseUrl) {
        this.secure = baseUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    void set(Context ctx, String sessionId) {
        ctx.cookie(cookie(sessionId, MAX_AGE_SECONDS));
    }

    void clear(Context ctx) {
        ctx.cookie(cookie("", 0));
    }

    private Cookie cookie(String value, int maxAge) {
        return new Cookie(Sessions.COOKIE, value, "/", maxAge, secure, 0, true, null, null, SameSite.LAX);
    }
}
