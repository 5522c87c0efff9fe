package dev.sluice.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.auth.ApiToken;
import dev.sluice.auth.ApiTokenRefused;
import dev.sluice.auth.ApiTokens;
import dev.sluice.auth.NewApiToken;
import dev.sluice.model.User;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The caller's API tokens, for the settings page and scripts:
 * {@code POST /api/tokens {"name"}} → 201 with the token, shown this once;
 * {@code GET /api/tokens} lists them without their values; {@code DELETE /api/tokens/<id>}
 * revokes one. Each caller sees and revokes only their own.
 */
final class TokenRoutes {
    private final ApiTokens tokens;

    TokenRoutes(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** A token as listed. */
    record View(long id, String name, Instant createdAt, Instant lastUsedAt) {
        static View of(ApiToken t) {
            return new View(t.id(), t.name(), t.createdAt(), t.lastUsedAt());
        }
    }

    /** A token just created: the listed fields and the value itself. */
    record Created(long id, String name, Instant createdAt, String token) {
    }

    void list(Context ctx) throws JsonProcessingException {
        User user = Caller.required(ctx);
        List<View> views = tokens.list(user.id()).stream().map(View::of).toList();
        ctx.contentType("application/json").result(Json.MAPPER.writeValueAsString(views));
    }

    void create(Context ctx) throws JsonProcessingException {
        User user = Caller.required(ctx);
        NewApiToken created;
        try {
            created = tokens.create(user.id(), name(ctx));
        } catch (ApiTokenRefused e) {
            throw new ApiError(400, e.getMessage());
        }
        ApiToken t = created.token();
        // Never cached anywhere: this is the only time the token's value leaves the server.
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).contentType("application/json")
                .result(Json.MAPPER.writeValueAsString(new Created(t.id(), t.name(), t.createdAt(), created.value())));
    }

    void revoke(Context ctx) {
        User user = Caller.required(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("No such API token");
        }
        if (!tokens.revoke(user.id(), id)) {
            throw new NotFound("No such API token");
        }
        ctx.status(204);
    }

    /** The optional {@code name} of the request body; an empty body means the default name. */
    private static String name(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            return null;
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiError(400, "The request body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new ApiError(400, "The request body must be a JSON object like {\"name\": \"my script\"}");
        }
        JsonNode name = json.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw new ApiError(400, "\"name\" must be a string");
        }
        return name == null || name.isNull() ? null : name.asText();
    }
}
