package dev.sluice.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.app.PipeService;
import dev.sluice.block.Value;
import dev.sluice.block.data.DataOutline;
import dev.sluice.block.data.DataTrees;
import dev.sluice.engine.Admission;
import dev.sluice.engine.Engine;
import dev.sluice.engine.RunRequest;
import dev.sluice.engine.RunResult;
import dev.sluice.feed.Feed;
import dev.sluice.feed.FeedWriter;
import dev.sluice.feed.OutputFormat;
import dev.sluice.feed.WriteOptions;
import dev.sluice.model.User;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.plan.PlanLimits;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /api/run}: runs an unsaved pipe (what the editor's inspector shows) and answers the
 * chosen block's output as JSON items with the trace, or as RSS with {@code ?format=rss}; a data
 * block's output as {@code "data"} (the tree) with its {@code "outline"} of JSONPath paths. For
 * logged-in callers (session or token) the caller's plan bounds the run, the pipe's Pipe blocks
 * may use the caller's own pipes and public ones, and the run counts against the caller's share
 * of concurrent runs; visitors with no account run as {@link AnonymousRuns} allows. Nothing run
 * here is stored.
 */
final class RunApi {
    private final Engine engine;
    private final PipeService pipes;
    private final Admission admission;
    private final PlanLimits limits;
    private final String baseUrl;
    private final AnonymousRuns anonymous;
    private final FeedWriter writer = new FeedWriter();

    RunApi(Engine engine, PipeService pipes, Admission admission, PlanLimits limits, String baseUrl, AnonymousRuns anonymous) {
        this.engine = engine;
        this.pipes = pipes;
        this.admission = admission;
        this.limits = limits;
        this.baseUrl = baseUrl;
        this.anonymous = anonymous;
    }

    void run(Context ctx) throws Admission.Busy {
        RunScope scope = Caller.user(ctx).map(this::scopeOf).orElseGet(() -> anonymous.admit(ctx));
        PipeReferences readable = scope.readable();
        JsonNode body = readBody(ctx);
        PipeDoc doc = pipe(body.get("pipe"));
        String target = body.path("block").asText("").isBlank() ? PipeDoc.ROOT_ID : body.get("block").asText();
        if (scope.anonymous()) {
            AnonymousRuns.refuseWebhooks(doc);
        }
        try {
            engine.validator().validate(doc, null, readable);
        } catch (PipeFormatException e) {
            throw new ApiError(400, e.getMessage(), e.firstBlockId());
        }
        if (!doc.byId().containsKey(target)) {
            throw new ApiError(400, "No block \"" + target + "\" in this pipe", target);
        }
        Map<String, String> params = new HashMap<>();
        body.path("params").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
        RunResult result;
        try (Admission.Permit ignored = scope.anonymous()
                ? admission.enter(scope.admissionKey(), AnonymousRuns.CROWDED) : admission.enter(scope.admissionKey())) {
            result = engine.run(engine.compile(doc, target), new RunRequest(null, params, scope.runLimit(), readable)
                    .withJsRendering(scope.jsRendering()));
        }
        if ("rss".equals(ctx.queryParam("format")) && result.output() instanceof Value.Data data) {
            // The XML a data pipe's feed URL would serve.
            ctx.contentType("application/xml; charset=utf-8");
            ctx.result(DataTrees.toXml(data));
            return;
        }
        if ("rss".equals(ctx.queryParam("format"))) {
            Feed feed = result.output() instanceof Value.Items items ? items.feed() : Feed.EMPTY;
            ctx.contentType(OutputFormat.RSS.contentType());
            ctx.result(writer.write(feed, OutputFormat.RSS, new WriteOptions(baseUrl + "/api/run", baseUrl, "Sluice")));
            return;
        }
        ctx.json(answer(target, result));
    }

    /** A logged-in caller's plan bounds the run, and their runs count against their own share. */
    private RunScope scopeOf(User user) {
        return new RunScope("user:" + user.id(), pipes.readableBy(user.id()), limits.runLimitFor(user),
                limits.jsRendering(user), false);
    }

    private static JsonNode readBody(Context ctx) {
        try {
            JsonNode body = Json.MAPPER.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw new ApiError(400, "The request body must be a JSON object with a \"pipe\"");
            }
            return body;
        } catch (IOException e) {
            throw new ApiError(400, "The request body is not valid JSON");
        }
    }

    private static PipeDoc pipe(JsonNode node) {
        try {
            if (node == null || node.isNull()) {
                throw new ApiError(400, "The request has no \"pipe\"");
            }
            return node.isTextual() ? PipeCodec.parse(node.asText()) : PipeCodec.fromTree(node);
        } catch (PipeFormatException e) {
            throw new ApiError(400, e.getMessage(), e.firstBlockId());
        }
    }

    private static ObjectNode answer(String target, RunResult result) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("block", target);
        if (result.output() instanceof Value.Items items) {
            out.set("channel", Json.MAPPER.valueToTree(items.feed().channel()));
            out.set("items", Json.MAPPER.valueToTree(items.feed().items()));
        } else if (result.output() instanceof Value.Text text) {
            out.put("text", text.text());
            out.putArray("items");
        } else if (result.output() instanceof Value.Data data) {
            // The inspector shows the tree and offers its paths as autocomplete in data blocks' options.
            out.set("data", data.tree());
            out.put("format", data.sourceFormat());
            ArrayNode outline = out.putArray("outline");
            DataOutline.of(data.tree()).forEach(outline::add);
            out.putArray("items");
        }
        ArrayNode errors = out.putArray("errors");
        result.errors().forEach(e -> errors.addObject().put("block", e.blockId()).put("name", e.blockName())
                .put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT)).put("message", e.message()));
        out.set("trace", Json.MAPPER.valueToTree(result.trace()));
        out.put("tookMs", result.took().toMillis());
        return out;
    }
}
