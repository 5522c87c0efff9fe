package dev.sluice.web;

import dev.sluice.feed.OutputFormat;
import dev.sluice.output.FeedOutputs;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.User;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /mypipes}, minimal: the logged-in user's pipes with their feed URLs, and logout. The
 * full dashboard of SPEC §10 replaces it; anonymous visitors are sent to log in first.
 */
final class MyPipesPage {
    private final PipeRepository pipes;
    private final FeedOutputs outputs;
    private final Templates templates;

    MyPipesPage(PipeRepository pipes, FeedOutputs outputs, Templates templates) {
        this.pipes = pipes;
        this.outputs = outputs;
        this.templates = templates;
    }

    void show(Context ctx) {
        User user = Caller.required(ctx);
        var rows = pipes.listByOwner(user.id()).stream()
                .map(p -> Map.of("title", p.title().isBlank() ? "Pipe " + p.id() : p.title(),
                        "feed", outputs.feedUrl(p, OutputFormat.RSS)))
                .toList();
        templates.render(ctx, "mypipes", Map.of("email", user.email(), "pipes", rows));
    }
}
