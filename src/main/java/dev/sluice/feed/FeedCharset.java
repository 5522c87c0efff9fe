package dev.sluice.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a feed document's bytes, decoded the way feed readers decode it.
 *
 * <p>The charset is chosen in this order: a byte order mark; the HTTP {@code Content-Type}
 * charset, when Java knows it; the encoding in the XML declaration (UTF-16 and UTF-32 without a
 * BOM are recognised by the zero bytes around the first {@code <}); else UTF-8 when the bytes are
 * valid UTF-8, windows-1252 when they are not. A declared single-byte charset gives way to UTF-8
 * when the bytes are valid multi-byte UTF-8. Afterwards, UTF-8 that was encoded twice ("CafÃ©")
 * is put back where that is unambiguous.
 */
final class FeedCharset {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32 = Charset.forName("UTF-32");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** Longest first: the UTF-32LE mark begins with the UTF-16LE one. */
    private static final Bom[] BOMS = {
        new Bom(UTF_32LE, 0xFF, 0xFE, 0x00, 0x00),
        new Bom(UTF_32BE, 0x00, 0x00, 0xFE, 0xFF),
        new Bom(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        new Bom(StandardCharsets.UTF_16LE, 0xFF, 0xFE),
        new Bom(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
    };

    /** Where a declaration can be: PHP scripts and templates often print blank lines first. */
    private static final int DECLARATION_WINDOW = 1024;
    private static final Pattern DECLARATION =
            Pattern.compile("\\s*<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']([^\"'>]+)[\"']");
    private static final Pattern CHARSET_PARAMETER =
            Pattern.compile(";\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;\\s]*)", Pattern.CASE_INSENSITIVE);

    /** Bytes 0x80–0x9F as windows-1252 shows them (U+FFFD for the five bytes it leaves undefined). */
    private static final String C1_AS_WINDOWS_1252 = new String(c1Bytes(), WINDOWS_1252);

    /**
     * What follows a word in ordinary typography: a letter then one of these is text as written
     * ("groß“", "CAFÉ»", "café »" with a no-break space), even though the same characters read
     * back as bytes happen to be valid UTF-8.
     */
    private static final String AFTER_WORDS = "\u00A0\u2018\u2019\u201C\u201D\u00BB\u203A\u2026\u2013\u2014";

    private FeedCharset() {
    }

    /** The text of {@code bytes}; {@code contentType} is the HTTP header, or null / "" when there is none. */
    static String decode(byte[] bytes, String contentType) {
        return repairDoubleEncoding(read(bytes, contentType));
    }

    private static String read(byte[] bytes, String contentType) {
        for (Bom bom : BOMS) {
            if (bom.starts(bytes)) {
                // The mark is how the file says what it is, whatever the server claims; it is not text
                return new String(bytes, bom.length(), bytes.length - bom.length(), bom.charset());
            }
        }
        Charset http = known(charsetParameter(contentType));
        if (http != null) {
            return new String(bytes, withByteOrder(http, bytes));
        }
        Charset declared = declared(bytes);
        if (declared == null) {
            String utf8 = strictUtf8(bytes);
            return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
        }
        if (singleByte(declared) && hasHighByte(bytes)) {
            // Text in a single-byte charset is next to never valid multi-byte UTF-8 (its bytes above
            // 0x7F would all have to pair up as leads and continuations): the document was
            // converted to UTF-8 and its declaration left as it was. Only the declaration is
            // second-guessed; a BOM or an HTTP charset is meant.
            String utf8 = strictUtf8(bytes);
            if (utf8 != null) {
                return utf8;
            }
        }
        return new String(bytes, declared);
    }

    /** The charset parameter of a Content-Type header, unquoted; null without one. */
    private static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAMETER.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1);
        int from = value.startsWith("\"") ? 1 : 0;
        int to = value.length() > from && value.endsWith("\"") ? value.length() - 1 : value.length();
        return value.substring(from, to);
    }

    /**
     * The charset a label names, or null when Java does not know it (the label is then ignored,
     * not an error: the next source decides). ISO-8859-1 and US-ASCII labels mean windows-1252, as
     * in browsers and feed readers: documents labelled so were mostly written on Windows and use
     * 0x80–0x9F for € and curly quotes, which ISO-8859-1 would turn into control characters.
     */
    private static Charset known(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(label.trim());
        } catch (IllegalArgumentException unknownOrMalformedName) {
            return null;
        }
        return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
                ? WINDOWS_1252 : charset;
    }

    /**
     * The encoding the XML declaration names, or the UTF-16/UTF-32 byte order the first bytes
     * show; null when neither says anything Java knows.
     */
    private static Charset declared(byte[] bytes) {
        Charset wide = wideByZeroBytes(bytes);
        if (wide != null) {
            // the zero bytes already tell width and byte order; a declaration could only agree
            return wide;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARATION.matcher(head);
        if (!m.lookingAt()) {
            return null;
        }
        Charset charset = known(m.group(1));
        // the declaration was just read one byte per character, so it cannot truthfully name an
        // encoding that writes "<?xml" otherwise (UTF-16 in a document that was re-encoded)
        return charset != null && asciiCompatible(charset) ? charset : null;
    }

    /** UTF-32 or UTF-16 of either byte order when the document starts with a '<' padded by zero bytes. */
    private static Charset wideByZeroBytes(byte[] b) {
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return UTF_32LE;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') {
            return UTF_32BE;
        }
        if (b.length >= 2 && b[0] == '<' && b[1] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && b[0] == 0 && b[1] == '<') {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** A label "UTF-16" or "UTF-32" without a BOM: the zero bytes tell the byte order Java would guess. */
    private static Charset withByteOrder(Charset charset, byte[] bytes) {
        Charset wide = wideByZeroBytes(bytes);
        if (wide == null) {
            return charset;
        }
        boolean sameWidth = charset.equals(StandardCharsets.UTF_16)
                ? wide.equals(StandardCharsets.UTF_16LE) || wide.equals(StandardCharsets.UTF_16BE)
                : charset.equals(UTF_32) && (wide.equals(UTF_32LE) || wide.equals(UTF_32BE));
        return sameWidth ? wide : charset;
    }

    private static boolean asciiCompatible(Charset charset) {
        return charset.canEncode() && Arrays.equals("<?xml".getBytes(charset), "<?xml".getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean singleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1.0f;
    }

    private static boolean hasHighByte(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** The text when {@code bytes} are valid UTF-8, else null. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return strictUtf8Decoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static CharsetDecoder strictUtf8Decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * {@code text} with UTF-8 that was read as Latin-1 or windows-1252 and encoded again ("CafÃ©")
     * put back ("Café"). A lead character U+00C2–U+00F4 and the continuation characters its byte
     * announces are turned back into bytes; they are replaced only when those bytes are valid
     * UTF-8 of an assigned character, and not when they read as a word followed by punctuation
     * ({@link #AFTER_WORDS}). Anything else stays as it is.
     */
    static String repairDoubleEncoding(String text) {
        int start = firstLead(text);
        if (start < 0) {
            return text; // nearly every document: nothing to look at
        }
        CharsetDecoder strict = strictUtf8Decoder();
        byte[] bytes = new byte[4];
        StringBuilder out = null;
        int copied = 0; // text before this index is in out
        for (int i = start; i < text.length(); i++) {
            char lead = text.charAt(i);
            if (lead < '\u00C2' || lead > '\u00F4') {
                continue;
            }
            int continuations = lead < '\u00E0' ? 1 : lead < '\u00F0' ? 2 : 3;
            if (i + continuations >= text.length() || !asBytes(text, i, continuations, bytes)) {
                continue;
            }
            String meant = decodeOne(strict, bytes, continuations + 1);
            boolean inRepairedRun = out != null && copied == i;
            if (meant == null || !inRepairedRun && looksWritten(text, i, continuations)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(meant);
            i += continuations;
            copied = i + 1;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static int firstLead(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u00C2' && c <= '\u00F4') {
                return i;
            }
        }
        return -1;
    }

    /** The lead at {@code at} and its continuation characters as the bytes they were read from; false when one is not a continuation. */
    private static boolean asBytes(String text, int at, int continuations, byte[] bytes) {
        bytes[0] = (byte) text.charAt(at);
        for (int k = 1; k <= continuations; k++) {
            int b = continuationByte(text.charAt(at + k));
            if (b < 0) {
                return false;
            }
            bytes[k] = (byte) b;
        }
        return true;
    }

    /** The byte 0x80–0xBF a character was read from (as Latin-1 or as windows-1252), or -1. */
    private static int continuationByte(char c) {
        if (c >= '\u0080' && c <= '\u00BF') {
            return c;
        }
        int index = c == '\uFFFD' ? -1 : C1_AS_WINDOWS_1252.indexOf(c);
        return index < 0 ? -1 : 0x80 + index;
    }

    /** The one character {@code length} bytes are in strict UTF-8, or null. */
    private static String decodeOne(CharsetDecoder strict, byte[] bytes, int length) {
        CharBuffer out = CharBuffer.allocate(2);
        strict.reset();
        CoderResult result = strict.decode(ByteBuffer.wrap(bytes, 0, length), out, true);
        if (result.isError() || result.isOverflow() || strict.flush(out).isError()) {
            return null;
        }
        out.flip();
        String meant = out.toString();
        return !meant.isEmpty() && Character.isDefined(meant.codePointAt(0)) ? meant : null;
    }

    /**
     * Whether the characters at {@code at} read as written text: a letter of the same case as the
     * one before it, followed only by punctuation that ends words. Double-encoding gives itself
     * away otherwise, by a capital inside a lower-case word ("sÄ…") or a symbol after a letter ("Ã©").
     */
    private static boolean looksWritten(String text, int at, int continuations) {
        if (at == 0) {
            return false;
        }
        char before = text.charAt(at - 1);
        char lead = text.charAt(at);
        if (!Character.isLetter(before) || Character.isUpperCase(before) != Character.isUpperCase(lead)) {
            return false;
        }
        for (int k = 1; k <= continuations; k++) {
            if (AFTER_WORDS.indexOf(text.charAt(at + k)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] c1Bytes() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x80 + i);
        }
        return bytes;
    }

    private record Bom(Charset charset, int... marks) {

        int length() {
            return marks.length;
        }

        boolean starts(byte[] bytes) {
            if (bytes.length < marks.length) {
                return false;
            }
            for (int i = 0; i < marks.length; i++) {
                if ((bytes[i] & 0xFF) != marks[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
