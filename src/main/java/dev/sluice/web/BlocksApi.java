package dev.sluice.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.block.BlockRegistry;
import dev.sluice.block.BlockType;
import dev.sluice.block.Integrations;
import dev.sluice.block.input.InboxBlock;
import dev.sluice.block.integration.DiscontinuedBlock;
import dev.sluice.block.integration.RedditBlock;
import dev.sluice.block.integration.RssboxBlock;
import dev.sluice.block.integration.SoundcloudBlock;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.Value;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * {@code GET /api/blocks}: what the editor's palette is built from — every block type with its
 * category, help, options (kinds, choices, defaults, text ports), port kinds and whether the
 * palette offers it. Public: it is the same for everyone and says nothing about anyone's pipes.
 */
final class BlocksApi {
    private final byte[] body;

    BlocksApi(BlockRegistry registry, Integrations integrations) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (BlockType t : registry.all()) {
            ObjectNode block = describe(t).put("palette", inPalette(t, integrations));
            if (t == InboxBlock.TYPE) {
                // The editor shows an Inbox block's address: <block id>@<this domain>.
                integrations.mail().ifPresent(domain -> block.put("mailDomain", domain));
            }
            list.add(block);
        }
        this.body = list.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Whether the palette offers a block: integrations only when their gateway is
     * configured, the Inbox only when this server receives mail, dead services never. Every block is still listed — the editor needs them all
     * to draw old pipes — with {@code "palette": false} for those it should not offer.
     */
    static boolean inPalette(BlockType t, Integrations integrations) {
        if (t.block() instanceof DiscontinuedBlock) {
            return false;
        }
        if (t == RedditBlock.TYPE || t == SoundcloudBlock.TYPE) {
            return integrations.rssBridge().isPresent();
        }
        if (t.block() instanceof RssboxBlock) {
            return integrations.rssBox().isPresent();
        }
        if (t == InboxBlock.TYPE) {
            return integrations.mail().isPresent();
        }
        return true;
    }

    void list(Context ctx) {
        ctx.contentType("application/json");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.result(body);
    }

    private static ObjectNode describe(BlockType t) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type", t.name());
        o.put("label", t.label());
        o.put("category", t.category());
        o.put("help", t.help());
        if (t.feedInputs() == BlockType.GROWING) {
            o.put("inputs", "growing");
        } else {
            o.put("inputs", t.feedInputs());
        }
        ArrayNode accepts = o.putArray("accepts");
        t.accepts().stream().sorted().forEach(k -> accepts.add(kind(k)));
        o.put("output", kind(t.output()));
        ArrayNode options = o.putArray("options");
        for (OptionSpec spec : t.options()) {
            ObjectNode opt = options.addObject();
            opt.put("label", spec.label());
            opt.put("kind", spec.kind().name().toLowerCase(Locale.ROOT));
            opt.put("default", spec.defaultValue());
            opt.put("textPort", spec.textPort());
            if (!spec.choices().isEmpty()) {
                ArrayNode choices = opt.putArray("choices");
                spec.choices().forEach(choices::add);
            }
        }
        return o;
    }

    private static String kind(Value.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
