package dev.sluice.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's {@code userinputs}, by index, after text connectors have overridden theirs. Pipes CE
 * stored numbers and booleans both as JSON values and as strings, so the accessors accept both.
 */
public final class Options {
    public static final Options NONE = new Options(List.of());

    private final List<JsonNode> values;

    public Options(List<JsonNode> values) {
        this.values = List.copyOf(values);
    }

    /** These options with {@code userinputs[index]} replaced by a connected text value. */
    public Options with(int index, String text) {
        List<JsonNode> copy = new ArrayList<>(values);
        while (copy.size() <= index) {
            copy.add(TextNode.valueOf(""));
        }
        copy.set(index, TextNode.valueOf(text));
        return new Options(copy);
    }

    public int size() {
        return values.size();
    }

    public JsonNode raw(int index) {
        return index < values.size() ? values.get(index) : null;
    }

    /** The option as text; "" when absent or null. */
    public String text(int index) {
        JsonNode n = raw(index);
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    /** The option as text, or {@code fallback} when absent or blank. */
    public String text(int index, String fallback) {
        String t = text(index).strip();
        return t.isEmpty() ? fallback : t;
    }

    /** A checkbox: true, "true", "on", "1", "yes" are true; anything else false. */
    public boolean flag(int index) {
        JsonNode n = raw(index);
        if (n == null) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.intValue() != 0;
        }
        String t = n.asText().strip().toLowerCase(java.util.Locale.ROOT);
        return t.equals("true") || t.equals("on") || t.equals("1") || t.equals("yes");
    }

    /** A whole number; {@code fallback} when absent or blank; a {@link BlockError} when not a number. */
    public int integer(int index, int fallback) {
        JsonNode n = raw(index);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (n.isIntegralNumber()) {
            return n.intValue();
        }
        String t = n.asText().strip();
        if (t.isEmpty()) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new BlockError("Option " + (index + 1) + " must be a number, got \"" + t + "\"");
        }
    }
}
