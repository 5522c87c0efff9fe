package dev.sluice.feed;

/**
 * Text that XML 1.0 can carry. Upstream feeds and pipe content contain control characters and
 * lone surrogates that no XML parser accepts; they are dropped rather than letting one bad
 * character make a whole feed unreadable.
 */
final class XmlText {

    private XmlText() {
    }

    /** {@code s} without the characters XML 1.0 forbids; the same string when it has none. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        int bad = firstInvalid(s);
        if (bad < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, bad);
        for (int i = bad; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (isValid(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstInvalid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue; // the common case, checked first
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (!isValid(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Valid as a single UTF-16 unit (surrogate pairs are handled by the callers). */
    private static boolean isValid(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD;
    }
}
