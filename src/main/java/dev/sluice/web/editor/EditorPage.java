package dev.sluice.web.editor;

import dev.sluice.app.PipeService;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.plan.Plan;
import dev.sluice.web.Caller;
import dev.sluice.web.NotFound;
import dev.sluice.web.Templates;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /editor} (a new pipe, or {@code ?fork=<id>}) and {@code GET /editor/<id>}. Open to
 * anonymous visitors: the editor asks them to log in when they save, keeping their work. A
 * private pipe is its owner's alone, so to anyone else its editor page does not exist (404, the
 * same answer as the API gives). The pipe itself is loaded by the page from {@code /api/pipes}.
 *
 * <p>The page tells its script whether visitors may run pipes in the inspector before logging in
 * ({@code data-anonymous-runs}) and the anonymous plan's run limit in seconds, which the
 * inspector's note for them quotes.
 */
public final class EditorPage {
    static final String TEMPLATE = "editor";

    private final PipeService pipes;
    private final Templates templates;
    private final String baseUrl;
    private final Plan anonymousPlan;

    /** @param anonymousPlan the plan visitors run under, or null when they may not run pipes */
    public EditorPage(PipeService pipes, Templates templates, String baseUrl, Plan anonymousPlan) {
        this.pipes = pipes;
        this.templates = templates;
        this.baseUrl = baseUrl;
        this.anonymousPlan = anonymousPlan;
    }

    /** {@code GET /editor}: an empty pipe, or a copy of {@code ?fork=<id>} (checked by the API when loaded). */
    public void blank(Context ctx) {
        render(ctx, null);
    }

    /** {@code GET /editor/<id>}: the owner edits it; others may open a public pipe as a copy. */
    public void edit(Context ctx) {
        Optional<User> viewer = Caller.user(ctx);
        StoredPipe pipe = pipes.find(ctx.pathParam("id"))
                .filter(p -> p.isPublic() || viewer.map(u -> u.id() == p.ownerId()).orElse(false))
                .orElseThrow(() -> new NotFound("No such pipe"));
        render(ctx, pipe.id());
    }

    private void render(Context ctx, String pipeId) {
        Map<String, Object> model = new HashMap<>();
        model.put("pipeId", pipeId == null ? "" : pipeId);
        model.put("baseUrl", baseUrl);
        model.put("anonymousRuns", anonymousPlan != null);
        model.put("anonymousRunSeconds", anonymousPlan == null ? ""
                : BigDecimal.valueOf(anonymousPlan.runLimit().toMillis(), 3).stripTrailingZeros().toPlainString());
        // No caching: the page says who is logged in, and that changes at login.
        ctx.header("Cache-Control", "no-store");
        templates.render(ctx, TEMPLATE, model);
    }
}
