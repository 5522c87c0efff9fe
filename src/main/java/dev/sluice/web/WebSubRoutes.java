package dev.sluice.web;

import dev.sluice.websub.Hub;
import dev.sluice.websub.HubAnswer;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /websub}: the built-in WebSub hub, for subscribers' servers. Form-encoded
 * ({@code hub.mode}, {@code hub.topic}, {@code hub.callback}, {@code hub.lease_seconds},
 * {@code hub.secret}); no session and no CSRF check — a browser's cookies give such a request no
 * authority, and the callback's own confirmation is what makes a subscription. Answers 202 when
 * the request is taken, otherwise a status with the reason as plain text.
 */
final class WebSubRoutes {
    private final Hub hub;

    WebSubRoutes(Hub hub) {
        this.hub = hub;
    }

    void receive(Context ctx) {
        Map<String, List<String>> form = ctx.formParamMap();
        HubAnswer answer = hub.receive(name -> {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        });
        switch (answer) {
            case HubAnswer.Accepted a -> answer(ctx, 202, "Accepted: the callback will be asked to confirm (hub.challenge)");
            case HubAnswer.Refused r -> answer(ctx, r.status(), r.message());
            case HubAnswer.Limited l -> {
                long seconds = Math.max(1, (l.retryAfter().toMillis() + 999) / 1000);
                ctx.header("Retry-After", Long.toString(seconds));
                answer(ctx, 429, l.message() + "; retry in " + seconds + " s");
            }
        }
    }

    private static void answer(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    }
}
