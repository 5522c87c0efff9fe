package dev.sluice.block.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.MapFunction;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.sluice.block.BlockError;
import java.util.ArrayList;
import java.util.List;

/**
 * JSONPath on data trees (Jayway JsonPath over Jackson nodes): compiling the paths users type,
 * with errors that name the path, and applying a change to every node a path matches.
 */
final class DataPaths {
    /** Reads return Jackson nodes; a path that matches nothing reads as null or an empty list. */
    static final Configuration NODES = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final String ROOT = "$";
    /** JSONPath's regex match operator in filter expressions. */
    private static final String REGEX_MATCH = "=~";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    // Pipes run every few minutes with the same few paths: compile each once per process.
    private static final Cache<String, JsonPath> CACHE = Caffeine.newBuilder().maximumSize(2048).build();

    private DataPaths() {
    }

    /**
     * {@code path} compiled; blank means the whole tree.
     *
     * @param role what the path is for in messages, e.g. "target path"
     * @throws BlockError naming the path and the problem when it is not valid JSONPath
     */
    static JsonPath compile(String path, String role) {
        String p = path.strip().isEmpty() ? ROOT : path.strip();
        if (p.contains(REGEX_MATCH)) {
            // Jayway evaluates =~ with java.util.regex, which no deadline can stop.
            throw new BlockError("The " + role + " \"" + p + "\" uses =~: regular expressions inside JSONPath are not"
                    + " supported; use the Filter data block's regexp operator instead");
        }
        try {
            return CACHE.get(p, JsonPath::compile);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new BlockError("The " + role + " \"" + path.strip() + "\" is not a valid JSONPath: " + e.getMessage());
        }
    }

    /** A tree after {@link #apply}: the same tree changed in place, or a new root for {@code $}. */
    record Applied(JsonNode tree, int matched) {
    }

    /**
     * Replaces every node {@code path} matches in {@code tree} by what {@code change} makes of it.
     * Nodes reach {@code change} as Jackson nodes or, for scalars, possibly as Java values
     * (Jayway's provider unwraps some), so {@code change} must accept both. Changes {@code tree}
     * in place, so callers pass their own copy; a path of {@code $} (the root, which Jayway cannot
     * replace) gives a new tree.
     */
    static Applied apply(JsonNode tree, JsonPath path, MapFunction change) {
        if (path.getPath().equals(ROOT)) {
            Object changed = change.map(NODES.jsonProvider().unwrap(tree), NODES);
            return new Applied(changed instanceof JsonNode n ? n : MAPPER.valueToTree(changed), 1);
        }
        int[] matched = {0};
        JsonPath.using(NODES).parse(tree).map(path, (value, conf) -> {
            matched[0]++;
            return change.map(value, conf);
        });
        return new Applied(tree, matched[0]);
    }

    /** The text of every scalar {@code path} finds under {@code node} (none when it finds nothing). */
    static List<String> texts(JsonNode node, JsonPath path) {
        List<String> out = new ArrayList<>(2);
        Object found = path.getPath().equals(ROOT) ? node : JsonPath.using(NODES).parse(node).read(path);
        collect(found, out);
        return out;
    }

    private static void collect(Object found, List<String> out) {
        if (found == null) {
            return;
        }
        if (found instanceof JsonNode n) {
            if (n.isContainerNode()) {
                for (JsonNode child : n) {
                    collect(child, out);
                }
            } else if (!n.isNull() && !n.isMissingNode()) {
                out.add(n.asText());
            }
            return;
        }
        out.add(String.valueOf(found));
    }
}
