package dev.sluice.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.block.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Data outputs in the last-output store, beside feeds: the tree and its source format under one
 * key no feed has, so a stored output reads back as what it was.
 */
final class StoredData {
    /** The only key of a stored data output; stored feeds have "channel" and "items". */
    static final String KEY = "sluiceData";
    private static final String TREE = "tree";
    private static final String FORMAT = "format";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How {@link #write} output starts: feeds are told apart without parsing them twice. */
    private static final byte[] PREFIX = ("{\"" + KEY + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private StoredData() {
    }

    static byte[] write(Value.Data data) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.putObject(KEY).put(FORMAT, data.sourceFormat()).set(TREE, data.tree());
        try {
            return JSON.writeValueAsBytes(wrapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data in a stored output, or empty when it holds a feed. */
    static Optional<Value.Data> read(byte[] stored) {
        if (!startsWithKey(stored)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(stored);
            JsonNode inner = node == null ? null : node.get(KEY);
            if (inner == null || node.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(new Value.Data(inner.path(TREE), inner.path(FORMAT).asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWithKey(byte[] stored) {
        return stored.length >= PREFIX.length
                && java.util.Arrays.equals(stored, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
    }
}
