package dev.sluice.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.app.Tags;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST}/{@code PUT /api/pipes[/<id>]}: every field optional, each
 * checked here so a bad one gets a 400 naming it. {@code pipe} may be the pipe JSON object or
 * that JSON as a string (what Pipes CE's editor posted); it is validated by the service.
 */
record PipeRequest(Optional<String> title, Optional<String> description, Optional<String> pipeJson,
                   Optional<Boolean> isPublic, Optional<List<String>> tags) {
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;

    static PipeRequest read(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new ApiError(400, "The request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "The request body must be a JSON object");
        }
        return new PipeRequest(text(body, "title", MAX_TITLE), text(body, "description", MAX_DESCRIPTION),
                pipe(body.get("pipe")), flag(body, "public"), tags(body.get("tags")));
    }

    private static Optional<String> text(JsonNode body, String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new ApiError(400, "\"" + field + "\" must be a string");
        }
        String value = node.asText();
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new ApiError(400, "\"" + field + "\" is longer than " + maxLength + " characters");
        }
        return Optional.of(value);
    }

    private static Optional<String> pipe(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isObject()) {
            return Optional.of(node.toString());
        }
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        throw new ApiError(400, "\"pipe\" must be the pipe JSON object (or that JSON as a string)");
    }

    private static Optional<Boolean> flag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw new ApiError(400, "\"" + field + "\" must be true or false");
        }
        return Optional.of(node.booleanValue());
    }

    private static Optional<List<String>> tags(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw new ApiError(400, "\"tags\" must be a list of strings");
        }
        List<String> raw = new ArrayList<>();
        for (JsonNode tag : node) {
            if (!tag.isTextual()) {
                throw new ApiError(400, "\"tags\" must be a list of strings");
            }
            raw.add(tag.asText());
        }
        try {
            return Optional.of(Tags.normalise(raw));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
    }
}
