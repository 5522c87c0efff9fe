package dev.sluice.block.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a data tree as XML, the inverse of how {@link DataTrees} reads XML: object keys are
 * elements, an array is its key repeated, the {@code ""} key (an element's text beside its
 * attributes) is text. Written by hand rather than through Jackson's XML serializer because that
 * one turns the {@code ""} key into {@code <>} and so produces broken XML.
 */
final class XmlDataWriter {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    /** The key under which Jackson puts an element's own text when it also has attributes or children. */
    private static final String TEXT_KEY = "";

    private XmlDataWriter() {
    }

    static byte[] write(String root, JsonNode content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            element(w, root, content);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("A data tree could not be written as XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, JsonNode node) throws XMLStreamException {
        if (node.isArray()) {
            for (JsonNode entry : node) {
                element(w, name, entry);
            }
            return;
        }
        w.writeStartElement(xmlName(name));
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equals(TEXT_KEY) && f.getValue().isValueNode()) {
                    w.writeCharacters(xmlText(f.getValue().asText()));
                } else {
                    element(w, f.getKey().isEmpty() ? DataTrees.DEFAULT_ROOT : f.getKey(), f.getValue());
                }
            }
        } else if (!node.isNull()) {
            w.writeCharacters(xmlText(node.asText()));
        }
        w.writeEndElement();
    }

    /**
     * {@code text} without the characters XML 1.0 cannot hold (control characters, lone
     * surrogates), which JSON strings may contain; the same instance when there are none.
     */
    static String xmlText(String text) {
        int i = 0;
        while (i < text.length() && allowed(text, i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length()).append(text, 0, i);
        for (; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (allowed(text, i)) {
                b.appendCodePoint(text.codePointAt(i));
            }
        }
        return b.toString();
    }

    private static boolean allowed(String text, int i) {
        int c = text.codePointAt(i);
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** {@code name} with every character that may not appear in an XML name replaced by {@code _}. */
    static String xmlName(String name) {
        StringBuilder b = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || i > 0 && (Character.isDigit(c) || c == '-' || c == '.');
            if (!ok) {
                if (b == null) {
                    b = new StringBuilder(name.length() + 1).append(name, 0, i);
                }
                b.append(i == 0 && (Character.isDigit(c) || c == '-' || c == '.') ? "_" + c : "_");
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? name : b.toString();
    }
}
