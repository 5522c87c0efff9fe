package dev.sluice.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Puts back UTF-8 that was encoded twice: bytes of UTF-8 text read as Latin-1 or windows-1252
 * and encoded to UTF-8 again, so readers see "CafÃ©" where the author wrote "Café". Repaired
 * only where that is unambiguous.
 */
final class DoubleEncoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Bytes 0x80–0x9F as windows-1252 shows them (U+FFFD for the five bytes it leaves undefined). */
    private static final String C1_AS_WINDOWS_1252 = new String(c1Bytes(), WINDOWS_1252);

    /**
     * What follows a word in ordinary typography: a letter then one of these is text as written
     * ("groß“", "CAFÉ»", "café »" with a no-break space), even though the same characters read
     * back as bytes happen to be valid UTF-8.
     */
    private static final String AFTER_WORDS = "\u00A0\u2018\u2019\u201C\u201D\u00BB\u203A\u2026\u2013\u2014";

    private DoubleEncoding() {
    }

    /**
     * {@code text} with UTF-8 that was read as Latin-1 or windows-1252 and encoded again ("CafÃ©")
     * put back ("Café"). A lead character U+00C2–U+00F4 and the continuation characters its byte
     * announces are turned back into bytes; they are replaced only when those bytes are valid
     * UTF-8 of an assigned character, and not when they read as a word followed by punctuation
     * ({@link #AFTER_WORDS}). Anything else stays as it is.
     */
    static String repair(String text) {
        int start = firstLead(text);
        if (start < 0) {
            return text; // nearly every document: nothing to look at
        }
        CharsetDecoder strict = FeedCharset.strictUtf8Decoder();
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
}
