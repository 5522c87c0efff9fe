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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Removes the entries of an array in the data whose control field contains, misses or matches a
 * value — the data blocks' Filter, a "remove when" rule as in Pipes CE. Everything else is kept
 * as it was.
 *
 * <p>The target path addresses an array (its entries are filtered) or the entries themselves
 * ({@code $.items[*]}, {@code $.items[?(@.draft)]}). The control field is a path inside each
 * entry: {@code title}, {@code speaker.name}, {@code @.tags[*]}, or — as the inspector's
 * autocomplete offers it — the full path such as {@code $.items[*].title}. Empty means the entry
 * itself (an array of strings). A field that holds several values (an array) counts as
 * containing the value when any of them does.
 *
 * <p>Where this differs from Pipes CE, on purpose: "contains" looks for the value as written
 * (Pipes CE made it a regular expression, so "C++" failed and "." matched any character; write
 * {@code /…/} for a pattern); "misses" removes entries in which no value contains it (Pipes CE
 * removed an entry when any one line or array member lacked it, so tags [java, loom] "missed"
 * java); an entry without the field misses every value (Pipes CE stopped the pipe with an
 * error); an empty value removes nothing (Pipes CE removed every entry).
 */
public final class WateredFilterBlock implements Block {
    static final String CONTAINS = "contains";
    static final String MISSES = "misses";
    static final String REGEXP = "regexp";

    public static final BlockType TYPE = new BlockType("WateredFilterBlock", "Filter data", "Data",
            "Removes the entries of an array (target path, e.g. $.items) whose field (e.g. title) contains,"
                    + " does not contain or matches (regexp) the value. Contains looks for the value as written"
                    + " (/…/ for a pattern); an entry without the field counts as missing the value; an empty value"
                    + " removes nothing.",
            List.of(OptionSpec.text("Target path", "$").withTextPort(), OptionSpec.text("Field", "").withTextPort(),
                    OptionSpec.text("Value", "").withTextPort(),
                    OptionSpec.choice("Operator", CONTAINS, CONTAINS, MISSES, REGEXP)),
            1, Value.Kind.DATA, new WateredFilterBlock()).accepting(Value.Kind.DATA);

    private WateredFilterBlock() {
    }

    /** Whether an entry's field values meet the rule, i.e. whether the entry goes. */
    private interface Condition {
        boolean matches(List<String> values, Deadline deadline);
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
        JsonNode tree = input.tree().deepCopy();
        List<DataLocation> found = DataLocation.find(tree, target);
        if (found.isEmpty()) {
            ctx.warn("The target path \"" + targetText + "\" matches nothing in the data; nothing was filtered");
            return new Value.Data(tree, input.sourceFormat());
        }
        Map<ArrayNode, List<Integer>> removed = new IdentityHashMap<>();
        for (DataLocation at : found) {
            if (at.node() instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    removeIfMatching(removed, array, i, field, condition, ctx);
                }
            } else if (at.container() instanceof ArrayNode parent) {
                removeIfMatching(removed, parent, (Integer) at.key(), field, condition, ctx);
            } else if (xml && at.node() instanceof ObjectNode single && at.container() instanceof ObjectNode parent) {
                // XML cannot say "a list of one": a lone repeated element reads as an object.
                ctx.deadline().check();
                if (condition.matches(DataPaths.texts(single, field), ctx.deadline())) {
                    parent.set((String) at.key(), parent.arrayNode());
                }
            } else {
                throw new BlockError("The target path \"" + targetText + "\" leads to " + describe(at.node())
                        + ", not to an array of entries to filter or to entries in one");
            }
        }
        // Removed last to first, so the indexes found still point at the entries meant.
        removed.forEach((array, indexes) -> indexes.stream().distinct().sorted(Comparator.reverseOrder())
                .forEach(i -> array.remove(i.intValue())));
        return new Value.Data(tree, input.sourceFormat());
    }

    private static void removeIfMatching(Map<ArrayNode, List<Integer>> removed, ArrayNode array, int index,
            JsonPath field, Condition condition, RunContext ctx) {
        ctx.deadline().check();
        if (condition.matches(DataPaths.texts(array.get(index), field), ctx.deadline())) {
            removed.computeIfAbsent(array, a -> new ArrayList<>()).add(index);
        }
    }

    private static Condition condition(String operator, String value) {
        return switch (operator) {
            case "", CONTAINS -> {
                UserPattern pattern = pattern(value);
                yield (values, d) -> values.stream().anyMatch(v -> pattern.find(v, d));
            }
            case MISSES -> {
                UserPattern pattern = pattern(value);
                yield (values, d) -> values.stream().noneMatch(v -> pattern.find(v, d));
            }
            case REGEXP -> {
                UserPattern pattern = regex(value);
                yield (values, d) -> values.stream().anyMatch(v -> pattern.find(v, d));
            }
            default -> throw new BlockError("Unknown operator \"" + operator + "\": use " + CONTAINS + ", "
                    + MISSES + " or " + REGEXP);
        };
    }

    /** The value as users write patterns everywhere: {@code /…/flags} a regex, anything else literal text. */
    private static UserPattern pattern(String value) {
        try {
            return UserPattern.compile(value);
        } catch (PatternError e) {
            throw new BlockError("The value is not a valid regular expression: " + e.getMessage());
        }
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
