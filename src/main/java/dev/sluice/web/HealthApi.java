package dev.sluice.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.health.Health;
import dev.sluice.health.PipeHealth;
import dev.sluice.model.AlertSettings;
import dev.sluice.model.RunEntry;
import dev.sluice.model.RunRecord;
import dev.sluice.model.StoredPipe;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;

/**
 * The JSON API of pipe health, for the pipe's owner only (like its version history): {@code GET
 * /api/pipes/<id>/runs} (health and the last runs) and {@code GET}/{@code PUT
 * /api/pipes/<id>/alerts} ({@code {"onFailure": bool, "staleAfterHours": n}}, 0 = not watched).
 */
final class HealthApi {
    private final PipeAccess access;
    private final PipeHealth health;

    HealthApi(PipeAccess access, PipeHealth health) {
        this.access = access;
        this.health = health;
    }

    void runs(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can see its runs");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("health", health(health.of(pipe.id())));
        ArrayNode runs = out.putArray("runs");
        for (RunEntry run : health.runs(pipe.id())) {
            ObjectNode r = runs.addObject();
            r.put("finishedAt", run.finishedAt().toString());
            r.put("outcome", run.outcome().name().toLowerCase(Locale.ROOT));
            r.put("durationMs", run.duration().toMillis());
            if (run.itemCount() == RunRecord.DATA) {
                r.putNull("items");
            } else {
                r.put("items", run.itemCount());
            }
            run.errors().forEach(r.putArray("errors")::add);
        }
        ctx.json(out);
    }

    void alerts(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can see its alerts");
        ctx.json(settings(health.settings(pipe.id())));
    }

    /** Changes the fields given; the others stay. */
    void saveAlerts(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can change its alerts");
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new ApiError(400, "The request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "The request body must be a JSON object");
        }
        AlertSettings now = health.settings(pipe.id());
        boolean onFailure = now.onFailure();
        int hours = now.staleAfterHours();
        JsonNode failure = body.get("onFailure");
        if (failure != null && !failure.isNull()) {
            if (!failure.isBoolean()) {
                throw new ApiError(400, "\"onFailure\" must be true or false");
            }
            onFailure = failure.booleanValue();
        }
        JsonNode stale = body.get("staleAfterHours");
        if (stale != null && !stale.isNull()) {
            if (!stale.isIntegralNumber() || !stale.canConvertToInt() || stale.intValue() < 0
                    || stale.intValue() > AlertSettings.MAX_HOURS) {
                throw new ApiError(400, "\"staleAfterHours\" must be a whole number from 0 (off) to " + AlertSettings.MAX_HOURS);
            }
            hours = stale.intValue();
        }
        AlertSettings saved = new AlertSettings(onFailure, hours);
        health.save(pipe.id(), saved);
        ctx.json(settings(saved));
    }

    private static ObjectNode settings(AlertSettings s) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("onFailure", s.onFailure());
        out.put("staleAfterHours", s.staleAfterHours());
        return out;
    }

    private static ObjectNode health(Health h) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("status", h.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (h.since() != null) {
            out.put("since", h.since().toString());
        }
        if (!h.lastError().isEmpty()) {
            out.put("lastError", h.lastError());
        }
        return out;
    }
}
