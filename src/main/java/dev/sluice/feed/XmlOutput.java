package dev.sluice.feed;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A feed document streamed by the JDK's StAX writer, byte for byte as JDOM's raw
 * {@code XMLOutputter} wrote it when Rome built Sluice's feeds: a feed reader compares ETags, and
 * output that moved would make it download every feed again. StAX escapes {@code & < > "} as
 * JDOM did; JDOM's other habits are kept here:
 * <ul>
 *   <li>in text, a line feed as CR LF and a carriage return as {@code &#xD;};</li>
 *   <li>in attributes, tab, line feed and carriage return as {@code &#x9; &#xA; &#xD;};</li>
 *   <li>characters outside the Basic Multilingual Plane (emoji) as character references;</li>
 *   <li>an empty element as {@code <x />}, and CR LF after the declaration and the root element.</li>
 * </ul>
 * Text and attribute values lose the characters XML cannot carry ({@link XmlText}) first.
 * Always the JDK's writer, never whichever StAX implementation is on the class path: another
 * one escapes differently, and the bytes are the point. Its factory makes a new writer for every
 * document (it reuses none unless told to), so one factory serves all threads.
 */
final class XmlOutput {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final String CRLF = "\r\n";
    /** The fewest items a slice of a long feed gets: fewer are not worth a thread. */
    private static final int SLICE_FROM = 128;
    /** From how many items writing them is worth spreading over the cores. */
    static final int PARALLEL_FROM = 2 * SLICE_FROM;
    /** About how many characters a feed item takes: the fragments' first capacity. */
    private static final int CHARS_PER_ITEM = 2048;

    private final Chars chars;
    private final XMLStreamWriter xml;
    /** An empty element's start tag is open: StAX closes it with "/>", JDOM wrote " />". */
    private boolean emptyOpen;

    /** A document with its XML declaration written, sized for about {@code expectedChars}. */
    XmlOutput(int expectedChars) throws XMLStreamException {
        this(expectedChars, true);
    }

    private XmlOutput(int expectedChars, boolean document) throws XMLStreamException {
        chars = new Chars(expectedChars);
        xml = FACTORY.createXMLStreamWriter(chars);
        if (document) {
            xml.writeStartDocument("UTF-8", "1.0");
            raw(CRLF);
        }
    }

    /** Writes one item of a feed. */
    interface ItemWriter<T> {
        void write(XmlOutput xml, T item) throws XMLStreamException;
    }

    /**
     * Writes {@code items} in order, each with {@code one}. A long list is cut into slices written
     * side by side, on the common pool and this thread, each into a fragment of its own, and the
     * fragments are joined in order: the bytes are those of one writer (the items are written
     * with prefixes the root declared, which a fragment does not need to know), in a fraction of
     * the time a cold request for a large feed would otherwise wait.
     */
    <T> void each(List<T> items, ItemWriter<T> one) throws XMLStreamException {
        if (items.size() < PARALLEL_FROM) {
            for (T item : items) {
                one.write(this, item);
            }
            return;
        }
        closeEmpty();
        xml.writeCharacters(""); // ends the open start tag, so that the fragments can follow as they are
        int slices = Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, items.size() / SLICE_FROM);
        int size = (items.size() + slices - 1) / slices;
        List<CompletableFuture<String>> others = new ArrayList<>(slices - 1);
        for (int i = 0; i < slices - 1; i++) {
            List<T> slice = items.subList(i * size, (i + 1) * size);
            others.add(CompletableFuture.supplyAsync(() -> fragment(slice, one)));
        }
        String last = fragment(items.subList((slices - 1) * size, items.size()), one);
        try {
            for (CompletableFuture<String> other : others) {
                raw(other.join());
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
        raw(last);
    }

    private static <T> String fragment(List<T> items, ItemWriter<T> one) {
        try {
            XmlOutput fragment = new XmlOutput(CHARS_PER_ITEM * items.size(), false);
            for (T item : items) {
                one.write(fragment, item);
            }
            fragment.closeEmpty();
            fragment.xml.flush();
            return fragment.chars.text.toString();
        } catch (XMLStreamException e) {
            // writing into memory fails only when the writer is used wrongly: a bug, not bad input
            throw new IllegalStateException("could not write a feed's items: " + e.getMessage(), e);
        }
    }

    void start(String name) throws XMLStreamException {
        closeEmpty();
        xml.writeStartElement(name);
    }

    void start(String prefix, String name, String namespace) throws XMLStreamException {
        closeEmpty();
        xml.writeStartElement(prefix, name, namespace);
    }

    /** An element without content; its attributes follow, and no {@link #end()}. */
    void empty(String name) throws XMLStreamException {
        closeEmpty();
        xml.writeEmptyElement(name);
        emptyOpen = true;
    }

    void empty(String prefix, String name, String namespace) throws XMLStreamException {
        closeEmpty();
        xml.writeEmptyElement(prefix, name, namespace);
        emptyOpen = true;
    }

    void namespace(String prefix, String uri) throws XMLStreamException {
        xml.writeNamespace(prefix, uri);
    }

    void defaultNamespace(String uri) throws XMLStreamException {
        xml.writeDefaultNamespace(uri);
    }

    void attribute(String name, String value) throws XMLStreamException {
        String s = XmlText.clean(value);
        if (firstReferenced(s, true) < 0) {
            xml.writeAttribute(name, s);
            return;
        }
        // the rare value with a character reference in it: written whole, escaped as JDOM did
        StringBuilder attribute = new StringBuilder(s.length() + 16).append(' ').append(name).append("=\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> attribute.append("&amp;");
                case '<' -> attribute.append("&lt;");
                case '>' -> attribute.append("&gt;");
                case '"' -> attribute.append("&quot;");
                case '\t' -> attribute.append("&#x9;");
                case '\n' -> attribute.append("&#xA;");
                case '\r' -> attribute.append("&#xD;");
                default -> {
                    if (Character.isHighSurrogate(c)) {
                        attribute.append(reference(s.codePointAt(i)));
                        i++;
                    } else {
                        attribute.append(c);
                    }
                }
            }
        }
        raw(attribute.append('"').toString());
    }

    void text(String value) throws XMLStreamException {
        closeEmpty();
        String s = XmlText.clean(value);
        int special = firstReferenced(s, false);
        if (special < 0) {
            xml.writeCharacters(s); // the common case
            return;
        }
        char[] cs = s.toCharArray();
        int from = 0;
        for (int i = special; i < cs.length; i++) {
            char c = cs[i];
            if (c != '\n' && c != '\r' && !Character.isHighSurrogate(c)) {
                continue;
            }
            xml.writeCharacters(cs, from, i - from); // also ends the start tag before what is written raw
            if (c == '\n') {
                raw(CRLF);
            } else if (c == '\r') {
                raw("&#xD;");
            } else {
                raw(reference(s.codePointAt(i)));
                i++;
            }
            from = i + 1;
        }
        xml.writeCharacters(cs, from, cs.length - from);
    }

    /** An element holding only {@code text}; empty text still gives a start and an end tag. */
    void element(String name, String text) throws XMLStreamException {
        start(name);
        text(text);
        xml.writeEndElement();
    }

    void element(String prefix, String name, String namespace, String text) throws XMLStreamException {
        start(prefix, name, namespace);
        text(text);
        xml.writeEndElement();
    }

    void end() throws XMLStreamException {
        closeEmpty();
        xml.writeEndElement();
    }

    /** The document as UTF-8, every open element ended. */
    byte[] finish() throws XMLStreamException {
        closeEmpty();
        xml.writeEndDocument();
        raw(CRLF);
        xml.close();
        return chars.text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Index of the first character JDOM wrote differently from StAX, -1 if none. */
    private static int firstReferenced(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' && attribute || Character.isHighSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A character outside the Basic Multilingual Plane as a character reference, in lower-case hex
     * as JDOM wrote it. Its high surrogate always has a low one: {@link XmlText} drops lone ones.
     */
    private static String reference(int codePoint) {
        return "&#x" + Integer.toHexString(codePoint) + ";";
    }

    /** Written as it is, after whatever StAX wrote before (flushed, though the JDK's writer does not buffer). */
    private void raw(String s) throws XMLStreamException {
        xml.flush();
        chars.write(s);
    }

    private void closeEmpty() throws XMLStreamException {
        if (emptyOpen) {
            emptyOpen = false;
            raw(" "); // before the "/>" StAX writes next
        }
    }

    /**
     * The document's characters, in a {@code StringBuilder}: {@code StringWriter}'s buffer locks
     * on every one of the hundreds of thousands of small writes a large feed takes.
     */
    private static final class Chars extends Writer {
        final StringBuilder text;

        Chars(int capacity) {
            text = new StringBuilder(capacity);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] cs, int from, int length) {
            text.append(cs, from, length);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(String s, int from, int length) {
            text.append(s, from, from + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
