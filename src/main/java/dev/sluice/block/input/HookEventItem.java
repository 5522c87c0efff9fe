package dev.sluice.block.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.block.HookEvent;
import dev.sluice.feed.GuidPolicy;
import dev.sluice.feed.Item;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * How a stored webhook event reads as an item: a title from the payload when it has
 * one, the body pretty-printed in {@code <pre>} (escaped, so a payload can never inject markup),
 * the time it arrived as its date, and a GUID derived from the event, stable across runs.
 */
final class HookEventItem {
    /** The JSON fields a title is taken from, in order of preference. */
    static final List<String> TITLE_FIELDS = List.of("title", "subject", "name");
    static final String DEFAULT_TITLE = "Webhook event";
    /** Longest title taken from a payload; the rest is in the content anyway. */
    static final int MAX_TITLE = 200;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private HookEventItem() {
    }

    static Item of(HookEvent event) {
        String text = new String(event.body(), charset(event.contentType()));
        JsonNode json = looksLikeJson(event.contentType(), text) ? parse(text) : null;
        String shown = json == null ? text : pretty(json, text);
        return Item.builder()
                .guid(GuidPolicy.stable("hook", event.hookId(), Long.toString(event.id())))
                .guidIsPermaLink(false)
                .title(json == null ? DEFAULT_TITLE : title(json))
                .content("<pre>" + Entities.escape(shown) + "</pre>")
                .published(event.receivedAt())
                .build();
    }

    private static String title(JsonNode json) {
        for (String field : TITLE_FIELDS) {
            JsonNode value = json.path(field);
            if (value.isValueNode() && !value.asText().isBlank()) {
                String t = value.asText().strip();
                return t.length() <= MAX_TITLE ? t : t.substring(0, MAX_TITLE - 1) + "…";
            }
        }
        return DEFAULT_TITLE;
    }

    private static boolean looksLikeJson(String contentType, String text) {
        if (contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String pretty(JsonNode json, String raw) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            return raw;
        }
    }

    /** The charset a content type names; UTF-8 when it names none or one Java does not know. */
    static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
