package dev.sluice.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
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

    private FeedCharset() {
    }

    /** The text of {@code bytes}; {@code contentType} is the HTTP header, or null / "" when there is none. */
    static String decode(byte[] bytes, String contentType) {
        String text = read(bytes, contentType);
        return hasHighByte(bytes) ? DoubleEncoding.repair(text) : text; // ASCII has nothing to repair
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

    static CharsetDecoder strictUtf8Decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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
