package dev.sluice.block.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of a data tree as the JSONPath expressions of its nodes, for the inspector's
 * autocomplete: {@code $.items}, {@code $.items[*]}, {@code $.items[*].title}, … Array indexes are
 * merged into {@code [*]}, so a thousand entries of the same shape give one set of paths. Bounded
 * in depth, in entries and in nodes visited, because the tree may be a 10 MiB download.
 */
public final class DataOutline {
    /** At most this many paths are listed. */
    public static final int MAX_PATHS = 200;
    /** Paths deeper than this are not listed. */
    public static final int MAX_DEPTH = 12;
    /** At most this many nodes are looked at. */
    static final int MAX_VISITS = 20_000;

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Set<String> paths = new LinkedHashSet<>();
    private int visits;

    private DataOutline() {
    }

    /** The outline of {@code tree}, in document order, without {@code $} itself. */
    public static List<String> of(JsonNode tree) {
        DataOutline outline = new DataOutline();
        outline.walk(tree, "$", 0);
        return new ArrayList<>(outline.paths);
    }

    private void walk(JsonNode node, String path, int depth) {
        if (depth >= MAX_DEPTH || paths.size() >= MAX_PATHS || ++visits > MAX_VISITS) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext() && paths.size() < MAX_PATHS) {
                Map.Entry<String, JsonNode> f = fields.next();
                String child = path + step(f.getKey());
                paths.add(child);
                walk(f.getValue(), child, depth + 1);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String child = path + "[*]";
            paths.add(child);
            for (JsonNode entry : node) {
                if (paths.size() >= MAX_PATHS || visits > MAX_VISITS) {
                    break;
                }
                walk(entry, child, depth + 1);
            }
        }
    }

    /** The JSONPath step to a key: {@code .key} when it is a plain name, else {@code ['key']}. */
    static String step(String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return "." + key;
        }
        return "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }
}
