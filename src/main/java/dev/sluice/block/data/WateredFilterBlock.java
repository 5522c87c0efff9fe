package dev.sluice.block.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.pattern.PatternError;
import dev.sluice.pattern.UserPattern;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the entries of an array in the data whose control field contains, misses or matches a
 * value — the data blocks' Filter. Everything outside the array is kept as it was.
 *
 * <p>The control field is a path inside each entry: {@code title}, {@code speaker.name},
 * {@code @.tags[*]}, or — as the inspector's autocomplete offers it — the full path such as
 * {@code $.items[*].title}. Empty means the entry itself (an array of strings). A field that
 * holds several values (an array) matches when any of them does; a missing one matches nothing.
 */
public final class WateredFilterBlock implements Block {
    static final String CONTAINS = "contains";
    static final String MISSES = "misses";
    static final String REGEXP = "regexp";

    public static final BlockType TYPE = new BlockType("WateredFilterBlock", "Filter data", "Data",
            "Keeps the entries of an array (target path, e.g. $.items) whose field (e.g. title) contains,"
                    + " does not contain or matches (regexp) the value.",
            List.of(OptionSpec.text("Target path", "$"), OptionSpec.text("Field", ""), OptionSpec.text("Value", ""),
                    OptionSpec.choice("Operator", CONTAINS, CONTAINS, MISSES, REGEXP)),
            1, Value.Kind.DATA, new WateredFilterBlock()).accepting(Value.Kind.DATA);

    private WateredFilterBlock() {
    }

    /** What an entry's field values must satisfy to be kept. */
    private interface Condition {
        boolean keep(List<String> values, Deadline deadline);
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Value.Data input = DataInputs.data(call, 0);
        String targetText = call.options().text(0).strip().isEmpty() ? "$" : call.options().text(0).strip();
        JsonPath target = DataPaths.compile(targetText, "target path");
        JsonPath field = DataPaths.compile(relativeField(call.options().text(1).strip(), targetText), "field");
        String value = call.options().text(2);
        if (value.isEmpty()) {
            return input;
        }
        Condition condition = condition(call.options().text(3).strip().toLowerCase(Locale.ROOT), value);
        boolean xml = DataTrees.XML.equals(input.sourceFormat());
        DataPaths.Applied out = DataPaths.apply(input.tree().deepCopy(), target, (node, conf) -> {
            if (node instanceof ArrayNode array) {
                return filter(array, field, condition, ctx);
            }
            // XML cannot say "a list of one": a lone repeated element reads as an object.
            if (xml && node instanceof ObjectNode single) {
                ArrayNode kept = filter(single.arrayNode().add(single), field, condition, ctx);
                return kept.isEmpty() ? kept : kept.get(0);
            }
            throw new BlockError("The target path \"" + targetText + "\" leads to "
                    + describe(node) + ", not to an array of entries to filter");
        });
        if (out.matched() == 0) {
            ctx.warn("The target path \"" + targetText + "\" matches nothing in the data; nothing was filtered");
        }
        return new Value.Data(out.tree(), input.sourceFormat());
    }

    private static ArrayNode filter(ArrayNode array, JsonPath field, Condition condition, RunContext ctx) {
        ArrayNode kept = array.arrayNode(array.size());
        for (JsonNode entry : array) {
            ctx.deadline().check();
            if (condition.keep(DataPaths.texts(entry, field), ctx.deadline())) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static Condition condition(String operator, String value) {
        return switch (operator) {
            case "", CONTAINS -> (values, d) -> values.stream().anyMatch(v -> v.contains(value));
            case MISSES -> (values, d) -> values.stream().noneMatch(v -> v.contains(value));
            case REGEXP -> {
                UserPattern pattern = regex(value);
                yield (values, d) -> values.stream().anyMatch(v -> pattern.find(v, d));
            }
            default -> throw new BlockError("Unknown operator \"" + operator + "\": use " + CONTAINS + ", "
                    + MISSES + " or " + REGEXP);
        };
    }

    /** The value as a regex: {@code /…/flags} as written, anything else as the body of one. */
    private static UserPattern regex(String value) {
        try {
            UserPattern p = UserPattern.compile(value);
            return p.isRegex() ? p : UserPattern.compile("/" + value + "/");
        } catch (PatternError e) {
            throw new BlockError("The value is not a valid regular expression: " + e.getMessage());
        }
    }

    /**
     * The field as a path relative to an entry: {@code title} → {@code $.title}, {@code @.a} →
     * {@code $.a}, and a full path below the target ({@code $.items[*].title} with target
     * {@code $.items}) → {@code $.title}.
     */
    static String relativeField(String field, String target) {
        if (field.isEmpty() || field.equals("@") || field.equals("$")) {
            return "$";
        }
        String entries = target + "[*]";
        if (field.startsWith(entries)) {
            return "$" + field.substring(entries.length());
        }
        if (field.startsWith("$")) {
            return field;
        }
        if (field.startsWith("@")) {
            return "$" + field.substring(1);
        }
        return field.startsWith("[") ? "$" + field : "$." + field;
    }

    private static String describe(Object node) {
        if (node instanceof JsonNode n) {
            return n.isObject() ? "an object" : n.isTextual() ? "a text" : n.isNull() ? "null" : "a single value";
        }
        return node instanceof String ? "a text" : node == null ? "null" : "a single value";
    }
}
