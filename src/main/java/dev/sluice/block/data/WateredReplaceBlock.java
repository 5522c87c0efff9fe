package dev.sluice.block.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.Configuration;
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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces a pattern in the texts of the data at a path — the data blocks' Replace. The path may
 * lead to texts ({@code $.items[*].title}) or to objects and arrays, whose texts are all replaced
 * in; an empty path means the whole tree. Numbers, booleans and keys are left alone.
 *
 * <p>{@code userinputs}: [pattern, replacement, target path], each with a text connector, as in
 * Pipes CE, whose default path {@code $..*} (every value) is what the default {@code $} does here.
 */
public final class WateredReplaceBlock implements Block {
    public static final BlockType TYPE = new BlockType("WateredReplaceBlock", "Replace in data", "Data",
            "Replaces text in the data at a JSONPath (e.g. $.items[*].title; $ or empty = every text). The"
                    + " pattern is a text or a /regular expression/; the replacement may use \\1 or $1.",
            List.of(OptionSpec.text("Pattern", "").withTextPort(), OptionSpec.text("Replacement", "").withTextPort(),
                    OptionSpec.text("Target path", "$").withTextPort()),
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
        Replacer replacer = new Replacer(pattern, replacement, ctx.deadline());
        DataPaths.Applied out = DataPaths.apply(input.tree().deepCopy(), target, replacer::change);
        if (out.matched() == 0) {
            ctx.warn("The target path \"" + targetText + "\" matches nothing in the data; nothing was replaced");
        }
        return new Value.Data(out.tree(), input.sourceFormat());
    }

    /**
     * One run's replacing. A path like {@code $..*} (Pipes CE's default) matches a container and
     * then the texts inside it again; each text is replaced once, as in Pipes CE, because the texts
     * this run made are remembered (by identity: an equal text elsewhere is still replaced).
     */
    private static final class Replacer {
        private final UserPattern pattern;
        private final Replacement replacement;
        private final Deadline deadline;
        private final Set<String> made = Collections.newSetFromMap(new IdentityHashMap<>());

        Replacer(UserPattern pattern, Replacement replacement, Deadline deadline) {
            this.pattern = pattern;
            this.replacement = replacement;
            this.deadline = deadline;
        }

        /** What a node the path matched becomes; containers are changed in place. */
        Object change(Object node, Configuration conf) {
            if (node instanceof String text) {
                return replaced(text);
            }
            if (node instanceof JsonNode text && text.isTextual()) {
                return replaced(text);
            }
            if (node instanceof JsonNode tree && tree.isContainerNode()) {
                replaceWithin(tree);
            }
            return node;
        }

        /** Replaces in every text below {@code node}, in place (the tree is the block's own copy). */
        private void replaceWithin(JsonNode node) {
            deadline.check();
            if (node instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    if (f.getValue().isTextual()) {
                        f.setValue(replaced(f.getValue()));
                    } else {
                        replaceWithin(f.getValue());
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isTextual()) {
                        array.set(i, replaced(array.get(i)));
                    } else {
                        replaceWithin(array.get(i));
                    }
                }
            }
        }

        private JsonNode replaced(JsonNode text) {
            String before = text.textValue();
            String after = replaced(before);
            // the same instance when nothing was replaced: keep the node then
            return after == before ? text : TextNode.valueOf(after);
        }

        private String replaced(String before) {
            if (made.contains(before)) {
                return before;
            }
            String after = pattern.replaceAll(before, replacement, deadline);
            if (after != before) {
                made.add(after);
            }
            return after;
        }
    }
}
