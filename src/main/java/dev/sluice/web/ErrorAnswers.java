package dev.sluice.web;

import dev.sluice.auth.PortierRefused;
import dev.sluice.engine.Admission;
import dev.sluice.plan.PlanLimitExceeded;
import dev.sluice.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How failures are answered (a clear error, never a stack trace): JSON
 * {@code {"error", "block"}} under {@code /api/}, a short text elsewhere, and a login redirect
 * for anonymous page requests. Unexpected failures are logged and answered with a plain 500.
 */
final class ErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

    private ErrorAnswers() {
    }

    /** Maps every failure a route may throw to its answer. */
    static void install(Javalin app) {
        app.exception(ApiError.class, (e, ctx) -> fail(ctx, e.status, e.getMessage(), e.block));
        app.exception(NotFound.class, (e, ctx) -> fail(ctx, 404, e.getMessage(), null));
        app.exception(PlanLimitExceeded.class, (e, ctx) -> fail(ctx, 403, e.getMessage(), null));
        app.exception(PortierRefused.class, (e, ctx) -> fail(ctx, PortierRoutes.status(e),
                "Login failed: " + e.getMessage() + ". Start again at /login.", null));
        app.exception(Unauthorized.class, (e, ctx) -> {
            if (ctx.path().startsWith("/api/")) {
                fail(ctx, 401, e.getMessage(), null);
            } else {
                ctx.redirect("/login?next=" + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        app.exception(Admission.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            fail(ctx, 503, e.getMessage() + "; try again shortly", null);
        });
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.error("Database failure on {} {}", ctx.method(), ctx.path(), e);
            if (e.busy()) {
                ctx.header("Retry-After", "2");
            }
            fail(ctx, 503, "The database is busy; try again shortly", null);
        });
        app.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(), e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            fail(ctx, 500, "Something went wrong on our side; it has been logged", null);
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                fail(ctx, 404, "Not found", null);
            }
        });
    }

    private static void fail(Context ctx, int status, String message, String block) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("error", message);
            body.put("block", block);
            ctx.json(body);
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(message);
        }
    }
}
