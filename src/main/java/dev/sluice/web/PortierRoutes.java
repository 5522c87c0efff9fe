package dev.sluice.web;

import dev.sluice.auth.PortierLogin;
import dev.sluice.auth.PortierRefused;
import dev.sluice.auth.SessionStarter;
import dev.sluice.auth.Sessions;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Duration;

/**
 * Portier login, when {@code SLUICE_PORTIER_BROKER} is set:
 * {@code GET /login/portier?email=…&next=…} sends the browser to the broker;
 * the broker posts the id_token to {@code POST /login/portier/verify}, which starts a session and
 * redirects to {@code next} (same-site only) or {@code /mypipes}. Failures answer a short page
 * saying what went wrong (400, 403, or 502 when the broker's keys cannot be fetched).
 */
final class PortierRoutes {
    /** The session cookie lives as long as a session can (30 days, sliding on the server). */
    static final Duration COOKIE_LIFETIME = Duration.ofDays(30);

    private final PortierLogin login;
    private final SessionStarter sessions;
    private final boolean secureCookie;

    /**
     * @param login        null when Portier is not configured (the routes then answer 404)
     * @param secureCookie true when the site is served over https
     */
    PortierRoutes(PortierLogin login, SessionStarter sessions, boolean secureCookie) {
        this.login = login;
        this.sessions = sessions;
        this.secureCookie = secureCookie;
    }

    void start(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(enabled().start(ctx.queryParam("email"), ctx.queryParam("next")).toString(), HttpStatus.SEE_OTHER);
    }

    /** The broker's form post (a cross-site POST by design: it carries its own proof, the signed id_token). */
    void verify(Context ctx) {
        PortierLogin.Completed done = enabled().finish(ctx.formParam("id_token"));
        String session = sessions.start(done.user().id());
        ctx.cookie(new Cookie(Sessions.COOKIE, session, "/", (int) COOKIE_LIFETIME.toSeconds(), secureCookie, 0, true,
                null, null, SameSite.LAX));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(done.next(), HttpStatus.SEE_OTHER);
    }

    private PortierLogin enabled() {
        if (login == null) {
            throw new NotFound("Portier login is not enabled on this server");
        }
        return login;
    }

    /** The status a refused login answers with. */
    static int status(PortierRefused e) {
        return switch (e.reason()) {
            case BAD_REQUEST -> 400;
            case NOT_VERIFIED -> 403;
            case BROKER_UNAVAILABLE -> 502;
        };
    }
}
