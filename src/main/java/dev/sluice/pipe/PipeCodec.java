package dev.sluice.pipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.pipe.PipeFormatException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the pipe JSON, the shape Pipes CE's editor serialises. Reading is
 * lenient where Pipes CE was (legacy {@code userinput}, slots as strings) and strict about
 * structure; unknown keys survive a read–write round trip.
 */
public final class PipeCodec {
    /** Largest pipe JSON accepted. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Most blocks in one pipe. */
    public static final int MAX_BLOCKS = 300;

    /** Block types whose single legacy {@code userinput} string is their {@code userinputs[0]}. */
    private static final Set<String> LEGACY_USERINPUT = Set.of("FeedBlock", "FilterBlock", "TruncateBlock");
    private static final Set<String> KNOWN_BLOCK_KEYS =
            Set.of("id", "type", "x", "y", "name", "userinputs", "userinput", "inputs", "textinputs");

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private PipeCodec() {
    }

    public static PipeDoc parse(String json) throws PipeFormatException {
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new PipeFormatException(Problem.ofPipe(
                    "Pipe JSON is " + megabytes(bytes) + "; the limit is 1 MiB"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new PipeFormatException(Problem.ofPipe("Pipe is not valid JSON: " + e.getOriginalMessage() + where));
        }
        return fromTree(root);
    }

    public static PipeDoc fromTree(JsonNode root) throws PipeFormatException {
        if (root == null || !root.isObject()) {
            throw new PipeFormatException(Problem.ofPipe("Pipe JSON must be an object with a \"blocks\" list"));
        }
        JsonNode blocksNode = root.get("blocks");
        if (blocksNode == null || !blocksNode.isArray()) {
            throw new PipeFormatException(Problem.ofPipe("Pipe JSON has no \"blocks\" list"));
        }
        if (blocksNode.size() > MAX_BLOCKS) {
            throw new PipeFormatException(Problem.ofPipe(
                    "Pipe has " + blocksNode.size() + " blocks; the limit is " + MAX_BLOCKS));
        }
        List<BlockSpec> blocks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode b : blocksNode) {
            index++;
            try {
                blocks.add(readBlock(b, index));
            } catch (PipeFormatException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PipeFormatException(problems);
        }
        ObjectNode extra = ((ObjectNode) root).deepCopy();
        extra.remove("blocks");
        return new PipeDoc(blocks, extra);
    }

    private static BlockSpec readBlock(JsonNode b, int index) throws PipeFormatException {
        if (!b.isObject()) {
            throw new PipeFormatException(Problem.ofPipe("Block #" + index + " is not an object"));
        }
        String id = text(b.get("id"));
        String type = text(b.get("type"));
        if (id.isEmpty()) {
            throw new PipeFormatException(Problem.ofPipe("Block #" + index + " has no id"));
        }
        if (type.isEmpty()) {
            throw new PipeFormatException(new Problem(id, "Block \"" + id + "\" has no type"));
        }
        String where = "Block \"" + id + "\"";
        List<JsonNode> userinputs = new ArrayList<>();
        JsonNode ui = b.get("userinputs");
        if (ui != null && !ui.isNull()) {
            if (!ui.isArray()) {
                throw new PipeFormatException(new Problem(id, where + ": \"userinputs\" must be a list"));
            }
            ui.forEach(userinputs::add);
        } else if (b.hasNonNull("userinput") && LEGACY_USERINPUT.contains(type)) {
            userinputs.add(TextNode.valueOf(text(b.get("userinput"))));
        }
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KNOWN_BLOCK_KEYS.contains(field.getKey())) {
                extra.set(field.getKey(), field.getValue());
            }
        }
        return new BlockSpec(id, type, number(b.get("x")), number(b.get("y")), text(b.get("name")),
                userinputs, links(b.get("inputs"), where, "inputs", id),
                links(b.get("textinputs"), where, "textinputs", id), extra);
    }

    private static List<Link> links(JsonNode node, String where, String key, String id) throws PipeFormatException {
        List<Link> links = new ArrayList<>();
        if (node == null || node.isNull()) {
            return links;
        }
        if (!node.isArray()) {
            throw new PipeFormatException(new Problem(id, where + ": \"" + key + "\" must be a list"));
        }
        for (JsonNode l : node) {
            if (l == null || l.isNull() || !l.isObject() || !l.hasNonNull("from") || text(l.get("from")).isEmpty()) {
                links.add(Link.NONE);
                continue;
            }
            JsonNode slot = l.get("from_output_slot");
            int s = slot == null ? 0 : slot.isNumber() ? slot.intValue() : parseSlot(slot.asText());
            links.add(new Link(text(l.get("from")), s));
        }
        return links;
    }

    private static int parseSlot(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The pipe as JSON in the editor's shape, unknown keys included. */
    public static String write(PipeDoc doc) {
        return toTree(doc).toString();
    }

    public static ObjectNode toTree(PipeDoc doc) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode blocks = root.putArray("blocks");
        for (BlockSpec b : doc.blocks()) {
            ObjectNode o = blocks.addObject();
            o.put("id", b.id());
            o.put("type", b.type());
            putNumber(o, "x", b.x());
            putNumber(o, "y", b.y());
            o.put("name", b.name());
            ArrayNode ui = o.putArray("userinputs");
            b.userinputs().forEach(ui::add);
            writeLinks(o.putArray("inputs"), b.inputs());
            writeLinks(o.putArray("textinputs"), b.textinputs());
            if (b.extra() != null) {
                o.setAll(b.extra());
            }
        }
        if (doc.extra() != null) {
            doc.extra().fields().forEachRemaining(f -> root.set(f.getKey(), f.getValue()));
        }
        return root;
    }

    private static void writeLinks(ArrayNode array, List<Link> links) {
        for (Link l : links) {
            ObjectNode o = array.addObject();
            if (l.connected()) {
                o.put("from", l.from());
                o.put("from_output_slot", l.fromOutputSlot());
            }
        }
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(key, (long) v);
        } else {
            o.put(key, v);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String megabytes(int bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
