package dev.sluice.pipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * What a Webhook block's id and secret mean for people other than its owner. The id
 * is the hook's address and {@code userinputs[1]} its signing secret: the secret is shown to the
 * owner only, and a copy (fork or duplicate) must neither share the original's address nor know
 * its secret. Works on the pipe JSON tree, so every other key survives untouched.
 */
public final class WebhookBlocks {
    /** The block type of webhooks in the pipe JSON. */
    public static final String TYPE = "WebhookBlock";
    /** The block type of newsletter inboxes, whose id is likewise an address (a mail address). */
    public static final String INBOX_TYPE = "InboxBlock";
    /** The index of the secret in the block's {@code userinputs}. */
    public static final int SECRET = 1;
    /** Webhook block ids are what the editor makes: 10 lowercase hex characters. */
    private static final int ID_BYTES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookBlocks() {
    }

    /** A copy of {@code pipe} whose Webhook blocks have no secret: what anyone but the owner sees. */
    public static ObjectNode withoutSecrets(ObjectNode pipe) {
        ObjectNode copy = pipe.deepCopy();
        for (JsonNode block : copy.path("blocks")) {
            if (isWebhook(block)) {
                clearSecret((ObjectNode) block);
            }
        }
        return copy;
    }

    /**
     * A copy of {@code pipe} for a fork or duplicate: every Webhook block gets a fresh id (links
     * to it follow) and no secret; every Inbox block a fresh id, so the copy has its own address.
     */
    public static ObjectNode renewed(ObjectNode pipe) {
        ObjectNode copy = withoutSecrets(pipe);
        Set<String> taken = new HashSet<>();
        copy.path("blocks").forEach(b -> taken.add(b.path("id").asText()));
        Map<String, String> renamed = new HashMap<>();
        for (JsonNode block : copy.path("blocks")) {
            if (isWebhook(block) || block.isObject() && INBOX_TYPE.equals(block.path("type").asText())) {
                String fresh = freshId(taken);
                renamed.put(block.path("id").asText(), fresh);
                ((ObjectNode) block).put("id", fresh);
            }
        }
        if (!renamed.isEmpty()) {
            for (JsonNode block : copy.path("blocks")) {
                relink(block.path("inputs"), renamed);
                relink(block.path("textinputs"), renamed);
            }
        }
        return copy;
    }

    private static boolean isWebhook(JsonNode block) {
        return block.isObject() && TYPE.equals(block.path("type").asText());
    }

    private static void clearSecret(ObjectNode block) {
        if (block.get("userinputs") instanceof ArrayNode inputs && inputs.size() > SECRET) {
            inputs.set(SECRET, TextNode.valueOf(""));
        }
    }

    private static void relink(JsonNode links, Map<String, String> renamed) {
        for (JsonNode link : links) {
            String to = link.isObject() ? renamed.get(link.path("from").asText()) : null;
            if (to != null) {
                ((ObjectNode) link).put("from", to);
            }
        }
    }

    private static String freshId(Set<String> taken) {
        byte[] bytes = new byte[ID_BYTES];
        String id;
        do {
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (!taken.add(id));
        return id;
    }
}
