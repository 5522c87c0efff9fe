package dev.sluice.web;

import dev.sluice.auth.EmailLogin;
import dev.sluice.auth.PortierLogin;
import dev.sluice.auth.LinkRedemption;
import dev.sluice.auth.LinkRequest;
import dev.sluice.auth.Sessions;
import dev.sluice.auth.Verification;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * Login by e-mail link and logout: {@code GET/POST /login}, {@code GET /login/verify},
 * {@code POST /logout}, {@code POST /logout/everywhere}.
 *
 * <p>A throttled request is answered {@code 429} with {@code Retry-After} and the form with a
 * note: the limits count requests, not accounts, so this reveals nothing about who has one.
 */
final class LoginRoutes {
    private final PortierLogin portier;
    private final EmailLogin login;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final Templates templates;

    /** @param portier Portier login, or null when it is off (then the page offers mail links only) */
    LoginRoutes(EmailLogin login, Sessions sessions, SessionCookie cookie, Templates templates, PortierLogin portier) {
        this.portier = portier;
        this.login = login;
        this.sessions = sessions;
        this.cookie = cookie;
        this.templates = templates;
    }

    /** GET /login: the form, carrying a same-site {@code next} along. */
    void form(Context ctx) {
        form(ctx, HttpStatus.OK, "", ctx.queryParam("next"), null);
    }

    /** POST /login: mails a link; the same page for every address, with or without an account. */
    void request(Context ctx) {
        String email = ctx.formParam("email");
        String next = NextPath.of(ctx.formParam("next")).orElse(null);
        switch (login.request(email, next, ctx.ip())) {
            case LinkRequest.Sent sent -> {
                Map<String, Object> model = new HashMap<>();
                model.put("email", email.strip());
                templates.render(ctx, "login-sent", model);
            }
            case LinkRequest.Throttled throttled -> {
                long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
                ctx.header("Retry-After", Long.toString(seconds));
                form(ctx, HttpStatus.TOO_MANY_REQUESTS, email, next, "Too many login requests. No mail was sent; try again in "
                        + (seconds + 59) / 60 + " min.");
            }
            case LinkRequest.BadAddress bad -> form(ctx, HttpStatus.BAD_REQUEST, email, next,
                    "That is not an e-mail address. Type it as name@example.org.");
            case LinkRequest.MailFailed failed -> form(ctx, HttpStatus.SERVICE_UNAVAILABLE, email, next,
                    "The login mail could not be sent just now. Please try again in a few minutes.");
        }
    }

    /** GET /login/verify?token=…: logs in and goes to {@code next} or /mypipes; a bad link says why. */
    void verify(Context ctx) {
        switch (login.verify(ctx.queryParam("token"))) {
            case Verification.LoggedIn in -> {
                String previous = ctx.cookie(Sessions.COOKIE);
                if (previous != null) {
                    sessions.end(previous);
                }
                cookie.set(ctx, in.sessionId());
                ctx.redirect(NextPath.orDefault(in.nextPath()), HttpStatus.SEE_OTHER);
            }
            case Verification.Refused refused -> {
                ctx.status(refused.reason() == LinkRedemption.Reason.UNKNOWN
                        ? HttpStatus.BAD_REQUEST : HttpStatus.GONE);
                templates.render(ctx, "login-refused", Map.of("message", refused.reason().message()));
            }
        }
    }

    /** POST /logout: ends this browser's session. */
    void logout(Context ctx) {
        String id = ctx.cookie(Sessions.COOKIE);
        if (id != null) {
            sessions.end(id);
        }
        cookie.clear(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** POST /logout/everywhere: ends every session of the logged-in user, this one included. */
    void logoutEverywhere(Context ctx) {
        sessions.endAll(Caller.required(ctx).id());
        cookie.clear(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, HttpStatus status, String email, String next, String note) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email == null ? "" : email.strip());
        model.put("next", NextPath.of(next).orElse(""));
        model.put("note", note);
        Caller.user(ctx).ifPresent(u -> model.put("current", u.email()));
        if (portier != null) {
            // The Portier form's GET is answered with a redirect to the broker, and browsers apply
            // form-action to redirects: this page alone may send forms on to the broker's origin.
            model.put("portier", true);
            ctx.header("Content-Security-Policy",
                    WebServer.CSP.replace("form-action 'self'", "form-action 'self' " + portier.brokerOrigin()));
        }
        ctx.status(status);
        templates.render(ctx, "login", model);
    }
}
