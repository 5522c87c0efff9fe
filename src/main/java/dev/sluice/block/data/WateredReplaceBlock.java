package dev.sluice.block.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import dev.sluice.pattern.Replacement;
import dev.sluice.pattern.UserPattern;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Replaces a pattern in the texts of the data at a path — the data blocks' Replace. The path may
 * lead to texts ({@code $.items[*].title}) or to objects and arrays, whose texts are all replaced
 * in; an empty path means the whole tree. Numbers, booleans and keys are left alone.
 */
public final class WateredReplaceBlock implements Block {
    public static final BlockType TYPE = new BlockType("WateredReplaceBlock", "Replace in data", "Data",
            "Replaces text in the data at a JSONPath (e.g. $.items[*].title; empty = everywhere). The pattern"
                    + " is a text or a /regular expression/; the replacement may use \\1 or $1.",
            List.of(OptionSpec.text("Pattern", ""), OptionSpec.text("Replacement", ""), OptionSpec.text("Target path", "$")),
            1, Value.Kind.DATA, new WateredReplaceBlock()).accepting(Value.Kind.DATA);

    private WateredReplaceBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Value.Data input = DataInputs.data(call, 0);
        String source = call.options().text(0);
        String targetText = call.options().text(2).strip();
        JsonPath target = DataPaths.compile(targetText, "target path");
        if (source.isEmpty()) {
            return input;
        }
        UserPattern pattern;
        Replacement replacement;
        try {
            pattern = UserPattern.compile(source);
            replacement = pattern.replacement(call.options().text(1));
        } catch (PatternError e) {
            throw new BlockError(e.getMessage());
        }
        Deadline deadline = ctx.deadline();
        DataPaths.Applied out = DataPaths.apply(input.tree().deepCopy(), target, (node, conf) -> {
            if (node instanceof String text) {
                return pattern.replaceAll(text, replacement, deadline);
            }
            if (node instanceof JsonNode text && text.isTextual()) {
                return replaced(text, pattern, replacement, deadline);
            }
            if (node instanceof JsonNode tree && tree.isContainerNode()) {
                replaceWithin(tree, pattern, replacement, deadline);
            }
            return node;
        });
        if (out.matched() == 0) {
            ctx.warn("The target path \"" + targetText + "\" matches nothing in the data; nothing was replaced");
        }
        return new Value.Data(out.tree(), input.sourceFormat());
    }

    /** Replaces in every text below {@code node}, in place (the tree is the block's own copy). */
    private static void replaceWithin(JsonNode node, UserPattern pattern, Replacement replacement, Deadline deadline) {
        deadline.check();
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isTextual()) {
                    f.setValue(replaced(f.getValue(), pattern, replacement, deadline));
                } else {
                    replaceWithin(f.getValue(), pattern, replacement, deadline);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, replaced(array.get(i), pattern, replacement, deadline));
                } else {
                    replaceWithin(array.get(i), pattern, replacement, deadline);
                }
            }
        }
    }

    private static JsonNode replaced(JsonNode text, UserPattern pattern, Replacement replacement, Deadline deadline) {
        String before = text.textValue();
        String after = pattern.replaceAll(before, replacement, deadline);
        // replaceAll returns the same instance when nothing matched: keep the node then.
        return after == before ? text : TextNode.valueOf(after);
    }
}
