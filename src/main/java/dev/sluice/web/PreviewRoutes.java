package dev.sluice.web;

import dev.sluice.app.PipeService;
import dev.sluice.engine.Admission;
import dev.sluice.engine.RunError;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.output.FeedOutputs;
import dev.sluice.output.FeedResult;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /preview/<id>} (alias {@code /feedpreview/<id>}): the output as a sanitised HTML page. */
final class PreviewRoutes {
    private final PipeService pipes;
    private final FeedOutputs outputs;
    private final Templates templates;
    private final InstantSource clock;

    /** How much of a data pipe's output the page shows; the raw feed URLs have all of it. */
    static final int MAX_DATA_CHARS = 100_000;

    PreviewRoutes(PipeService pipes, FeedOutputs outputs, Templates templates, InstantSource clock) {
        this.pipes = pipes;
        this.outputs = outputs;
        this.templates = templates;
        this.clock = clock;
    }


    void preview(Context ctx) throws Admission.Busy {
        StoredPipe pipe = pipes.find(ctx.pathParam("id")).filter(p -> FeedRoutes.mayRead(ctx, p))
                .orElseThrow(() -> new NotFound("No such pipe"));
        Map<String, String> query = FeedRoutes.query(ctx);
        FeedResult result = outputs.result(pipe, query);
        Map<String, Object> model = new HashMap<>();
        model.put("title", pipe.title().isBlank() ? "Pipe " + pipe.id() : pipe.title());
        model.put("description", pipe.description());
        model.put("pipeId", pipe.id());
        model.put("items", result.feed().items().stream().map(ItemView::of).toList());
        String data = result.isData() ? dataText(result) : "";
        model.put("data", data);
        model.put("dataFormat", result.isData() ? result.data().sourceFormat().toUpperCase(java.util.Locale.ROOT) : "");
        model.put("dataTruncated", data.length() >= MAX_DATA_CHARS);
        model.put("errors", result.errors().stream().map(RunError::describe).toList());
        model.put("stale", result.stale());
        model.put("staleMinutes", result.stale() ? result.staleAge().toMinutes() : 0);
        model.put("ageSeconds", Math.max(0, Duration.between(result.computedAt(), clock.instant()).toSeconds()));
        model.put("refreshSeconds", Math.max(0, Duration.between(clock.instant(), result.freshUntil()).toSeconds()));
        model.put("feeds", List.of(
                Map.of("label", "RSS", "url", outputs.feedUrl(pipe, OutputFormat.RSS)),
                Map.of("label", "Atom", "url", outputs.feedUrl(pipe, OutputFormat.ATOM)),
                Map.of("label", "JSON Feed", "url", outputs.feedUrl(pipe, OutputFormat.JSON))));
        model.put("params", outputs.parameterNames(pipe).stream()
                .map(n -> Map.of("name", n, "value", query.getOrDefault(n, ""))).toList());
        model.put("key", pipe.isPublic() ? "" : pipe.feedKey());
        model.put("action", "/preview/" + pipe.id());
        templates.render(ctx, "preview", model);
    }

    /** A data pipe's output as indented JSON (its XML form is one link away), cut at {@link #MAX_DATA_CHARS}. */
    private static String dataText(FeedResult result) {
        try {
            String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result.data().tree());
            return text.length() > MAX_DATA_CHARS ? text.substring(0, MAX_DATA_CHARS) : text;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }
}
