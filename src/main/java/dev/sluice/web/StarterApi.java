package dev.sluice.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.starter.Starter;
import dev.sluice.starter.Starters;
import io.javalin.http.Context;

/**
 * {@code GET /api/templates} (the starter templates, without their pipes) and
 * {@code GET /api/templates/<id>} (one, with its pipe): what the editor opens as an unsaved copy.
 * Public: the same for everyone.
 */
final class StarterApi {
    private final Starters starters;

    StarterApi(Starters starters) {
        this.starters = starters;
    }

    void list(Context ctx) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        starters.all().forEach(s -> list.add(describe(s)));
        ctx.json(list);
    }

    void one(Context ctx) {
        Starter starter = starters.find(ctx.pathParam("id")).orElseThrow(() -> new NotFound("No such template"));
        ObjectNode node = describe(starter);
        node.set("pipe", starter.pipe());
        ctx.json(node);
    }

    private static ObjectNode describe(Starter s) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("id", s.id()).put("title", s.title())
                .put("description", s.description());
        s.tags().forEach(node.putArray("tags")::add);
        ArrayNode params = node.putArray("params");
        for (Starter.Param p : s.params()) {
            params.addObject().put("block", p.block()).put("option", p.option()).put("label", p.label()).put("hint", p.hint());
        }
        return node;
    }
}
