package dev.sluice.web;

import dev.sluice.hook.HookIngest;
import dev.sluice.hook.HookIngest.Outcome;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * {@code POST /hook/<hookId>}: webhook requests from other services. No session, no CSRF token:
 * the hook id (and the signature, when the hook has a secret) is the authorisation. The body is
 * read up to {@link HookIngest#MAX_BODY} whatever the {@code Content-Length} claims, and the
 * answer is given only after the event is stored.
 */
final class HookRoutes {
    /** Where hooks live; authentication and CSRF checks leave these paths alone. */
    static final String PREFIX = "/hook/";

    private final HookIngest ingest;

    HookRoutes(HookIngest ingest) {
        this.ingest = ingest;
    }

    void receive(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > HookIngest.MAX_BODY) {
            tooLarge(ctx);
            return;
        }
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(HookIngest.MAX_BODY + 1);
        }
        if (body.length > HookIngest.MAX_BODY) {
            tooLarge(ctx);
            return;
        }
        Outcome outcome = ingest.receive(ctx.pathParam("hookId"), new HookIngest.Delivery(body, ctx.header("Content-Type"), ctx::header));
        switch (outcome) {
            case Outcome.Accepted a -> answer(ctx, 202, "accepted");
            case Outcome.Duplicate d -> answer(ctx, 200, "duplicate");
            case Outcome.UnknownHook u -> answer(ctx, 404, "No such hook");
            case Outcome.TooLarge t -> tooLarge(ctx);
            case Outcome.BadRequest b -> answer(ctx, 400, b.problem());
            case Outcome.Unauthorized u -> answer(ctx, 401, u.problem());
            case Outcome.RateLimited r -> retryLater(ctx, 429, r.retryAfter(), "Too many requests to this hook");
            case Outcome.Busy b -> retryLater(ctx, 503, b.retryAfter(), "The event could not be stored; nothing was kept");
        }
    }

    private static void tooLarge(Context ctx) {
        answer(ctx, 413, "The request body is larger than the hook limit of 1 MiB; nothing was kept");
    }

    private static void retryLater(Context ctx, int status, Duration wait, String message) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        answer(ctx, status, message + "; retry in " + seconds + " s");
    }

    private static void answer(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    }
}
