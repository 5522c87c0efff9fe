package dev.sluice.block.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node a JSONPath matched, with the container it sits in: what a block needs to remove the
 * node, not only to change it. {@code container} is null for the root; {@code key} is the
 * field name (objects) or the index (arrays) of the node in it.
 */
record DataLocation(JsonNode node, JsonNode container, Object key) {
    // Jayway writes matched locations as normalised paths: $['items'][0]['title'].
    private static final Pattern STEP = Pattern.compile("\\['((?:[^']|'(?!]))*)'\\]|\\[(\\d+)\\]");

    /** Every node {@code path} matches in {@code tree}, in document order. */
    static List<DataLocation> find(JsonNode tree, JsonPath path) {
        List<DataLocation> out = new ArrayList<>();
        if (path.getPath().equals("$")) {
            out.add(new DataLocation(tree, null, null));
            return out;
        }
        Object found = JsonPath.using(DataPaths.NODES.addOptions(Option.AS_PATH_LIST)).parse(tree).read(path);
        // The path list comes back as the provider's array type (Jackson nodes here) or a List.
        List<String> paths = new ArrayList<>();
        if (found instanceof JsonNode array) {
            array.forEach(p -> paths.add(p.asText()));
        } else if (found instanceof Iterable<?> list) {
            list.forEach(p -> paths.add(String.valueOf(p)));
        }
        for (String normalised : paths) {
            DataLocation at = walk(tree, normalised);
            if (at != null) {
                out.add(at);
            }
        }
        return out;
    }

    private static DataLocation walk(JsonNode tree, String normalised) {
        JsonNode container = null;
        JsonNode node = tree;
        Object key = null;
        Matcher m = STEP.matcher(normalised);
        int at = 1; // after the leading $
        while (at < normalised.length()) {
            if (node == null || !m.find(at) || m.start() != at) {
                return null; // not a path this reader understands: leave the node alone
            }
            container = node;
            key = m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2));
            node = key instanceof Integer i ? node.get(i) : node.get((String) key);
            at = m.end();
        }
        return node == null ? null : new DataLocation(node, container, key);
    }
}
