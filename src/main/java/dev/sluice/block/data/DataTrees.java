package dev.sluice.block.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.sluice.block.BlockError;
import dev.sluice.block.Value;
import dev.sluice.fetch.Download;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads downloaded documents into data trees and writes trees back as JSON or XML.
 *
 * <p>XML becomes the equivalent JSON tree with the root element as its single top-level key
 * ({@code <rss><channel>…} → {@code {"rss": {"channel": …}}}), so JSONPath addresses XML the same
 * way it addresses JSON ({@code $.rss.channel.item[*].title}). Attributes become keys beside the
 * child elements, repeated elements become arrays, namespace prefixes are dropped. DTDs and
 * external entities are never processed (XXE).
 */
public final class DataTrees {
    public static final String JSON = "json";
    public static final String XML = "xml";
    /** The root element when a tree has no single top-level key to name it. */
    static final String DEFAULT_ROOT = "data";
    /** The element name for the entries of an array written as the whole document. */
    static final String ARRAY_ENTRY = "item";

    /** Roughly what a Jackson node costs beyond its text. */
    private static final int NODE_OVERHEAD = 48;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private static final XMLInputFactory XML_INPUT = safeInputFactory();
    private static final XmlMapper XML_MAPPER = xmlMapper();

    private DataTrees() {
    }

    /** An empty tree, what a data block yields when it has nothing. */
    public static Value.Data empty() {
        return new Value.Data(JsonNodeFactory.instance.objectNode(), JSON);
    }

    /**
     * The tree in a downloaded document: JSON when it starts like JSON, XML when it starts with
     * markup.
     *
     * @throws BlockError naming the URL and the problem when it is neither
     */
    public static Value.Data parse(Download download) {
        byte[] body = download.body();
        int first = firstSignificant(body);
        if (first < 0) {
            throw new BlockError("The document at " + download.finalUrl() + " is empty");
        }
        if (body[first] == '<') {
            return new Value.Data(readXml(body, download.finalUrl()), XML);
        }
        try {
            JsonNode tree = JSON_MAPPER.readTree(body);
            return new Value.Data(tree, JSON);
        } catch (IOException e) {
            throw new BlockError("The document at " + download.finalUrl() + " is neither XML nor valid JSON: "
                    + firstLine(e));
        }
    }

    /** The tree as compact JSON (UTF-8). */
    public static byte[] toJson(Value.Data data) {
        try {
            return JSON_MAPPER.writeValueAsBytes(data.tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written as JSON", e);
        }
    }

    /**
     * The tree as an XML document (UTF-8). A tree with one top-level key is written with that key
     * as the root element, which gives parsed XML back its shape; any other tree is wrapped in
     * {@code <data>} (a top-level array's entries as {@code <item>}). Keys that are not XML names
     * have their invalid characters replaced by {@code _}.
     */
    public static byte[] toXml(Value.Data data) {
        JsonNode tree = data.tree();
        String root = DEFAULT_ROOT;
        JsonNode content = tree;
        if (tree.isObject() && tree.size() == 1) {
            Map.Entry<String, JsonNode> only = tree.fields().next();
            // An array under the single key would need several roots: keep the wrapper then.
            if (!only.getValue().isArray()) {
                root = only.getKey();
                content = only.getValue();
            }
        }
        if (content.isArray()) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.set(ARRAY_ENTRY, content);
            content = wrapper;
        }
        return XmlDataWriter.write(root, content);
    }

    /**
     * Roughly how many bytes {@code tree} holds in memory, for weighing caches: a node's overhead
     * plus two bytes per character of text. Walks the tree once.
     */
    public static int weight(JsonNode tree) {
        long bytes = 0;
        java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>();
        todo.push(tree);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            bytes += NODE_OVERHEAD;
            if (n.isTextual()) {
                bytes += 2L * n.textValue().length();
            } else if (n.isContainerNode()) {
                n.forEach(todo::push);
                if (n.isObject()) {
                    bytes += 2L * NODE_OVERHEAD * n.size();
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static JsonNode readXml(byte[] body, String url) {
        try {
            XMLStreamReader reader = XML_INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                // Skip the prolog: comments, processing instructions and a DOCTYPE, which is never
                // processed (SUPPORT_DTD is off), so its entities stay undeclared.
                while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // nothing to keep before the root element
                }
                String root = reader.getLocalName();
                JsonNode content = XML_MAPPER.readTree(XML_MAPPER.getFactory().createParser(reader));
                ObjectNode tree = JsonNodeFactory.instance.objectNode();
                tree.set(root, content == null ? JsonNodeFactory.instance.textNode("") : content);
                return tree;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | IOException e) {
            throw new BlockError("The document at " + url + " is not well-formed XML: " + firstLine(e));
        }
    }

    private static int firstSignificant(byte[] body) {
        int i = 0;
        // A UTF-8 byte order mark is not content.
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static XMLInputFactory safeInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private static XmlMapper xmlMapper() {
        return new XmlMapper(new XmlFactory(XML_INPUT, XMLOutputFactory.newFactory()));
    }
}
