package dev.sluice.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.feed.OutputFormat;
import dev.sluice.inbox.InboxAddresses;
import dev.sluice.model.PipeVersion;
import dev.sluice.model.StoredPipe;
import dev.sluice.output.FeedOutputs;
import dev.sluice.pipe.WebhookBlocks;

/**
 * A stored pipe as the JSON API shows it. What depends on who is looking is decided
 * here: only the owner sees the feed key (in {@code feedUrl}), the Webhook blocks' secrets and
 * the mail addresses of the Inbox blocks ({@code inboxes}).
 */
final class PipeJsonView {
    private final FeedOutputs outputs;
    /** The domain Inbox blocks receive mail at; null when this server receives none. */
    private final String mailDomain;

    PipeJsonView(FeedOutputs outputs, String mailDomain) {
        this.outputs = outputs;
        this.mailDomain = mailDomain;
    }

    /** How many likes a pipe has and whether the viewer is one of them. */
    record Likes(int count, boolean byViewer) {
    }

    /**
     * @param byOwner  whether the viewer owns the pipe
     * @param withPipe whether to include the pipe JSON (listings leave it out)
     */
    ObjectNode of(StoredPipe pipe, boolean byOwner, Likes likes, boolean withPipe) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("id", pipe.id());
        out.put("title", pipe.title());
        out.put("description", pipe.description());
        out.put("public", pipe.isPublic());
        out.putArray("tags").addAll(pipe.tags().stream().map(out::textNode).toList());
        out.put("version", pipe.version());
        // A private pipe's URL carries its key; others only ever see public pipes, whose URL has none.
        out.put("feedUrl", byOwner || pipe.isPublic() ? outputs.feedUrl(pipe, OutputFormat.RSS) : null);
        out.put("createdAt", pipe.createdAt().toString());
        out.put("updatedAt", pipe.updatedAt().toString());
        out.put("likes", likes.count());
        out.put("liked", likes.byViewer());
        out.put("mine", byOwner);
        if (withPipe) {
            ObjectNode json = tree(pipe.json());
            out.set("pipe", byOwner ? json : WebhookBlocks.withoutSecrets(json));
            if (byOwner && mailDomain != null) {
                ArrayNode inboxes = out.putArray("inboxes");
                for (JsonNode block : json.path("blocks")) {
                    if (WebhookBlocks.INBOX_TYPE.equals(block.path("type").asText())) {
                        String id = block.path("id").asText();
                        inboxes.addObject().put("block", id)
                                .put("address", InboxAddresses.addressOf(id) + "@" + mailDomain);
                    }
                }
            }
        }
        return out;
    }

    /** A version in the history: its number, title, date, and (for one version) its JSON. */
    static ObjectNode version(PipeVersion version, String json) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("version", version.version());
        out.put("title", version.title());
        out.put("createdAt", version.createdAt().toString());
        if (json != null) {
            out.set("pipe", tree(json));
        }
        return out;
    }

    /** Stored JSON is the codec's canonical output: always an object. */
    private static ObjectNode tree(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return (ObjectNode) node;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("Stored pipe JSON is not an object", e);
        }
    }
}
