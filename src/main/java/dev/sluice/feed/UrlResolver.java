package dev.sluice.feed;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.parser.Parser;

/**
 * Makes the relative URLs of a feed absolute against a base (the document URL, refined by
 * {@code xml:base}). OkHttp's {@link HttpUrl} resolves by RFC 3986 where {@code java.net.URI}
 * gets "?query" and host-only bases wrong. URLs that are already absolute are left exactly as
 * they are, so GUIDs equal to links keep matching.
 */
final class UrlResolver {

    private static final Pattern TABS_AND_NEWLINES = Pattern.compile("[\\t\\n\\r]");

    static final UrlResolver NONE = new UrlResolver(null);

    private final HttpUrl base;

    private UrlResolver(HttpUrl base) {
        this.base = base;
    }

    /** A resolver for documents fetched from {@code url}; resolves nothing when it is not http(s). */
    static UrlResolver forDocument(String url) {
        return url == null || url.isBlank() ? NONE : new UrlResolver(HttpUrl.parse(url.strip()));
    }

    /** The resolver inside an element carrying {@code xml:base="xmlBase"}. */
    UrlResolver withBase(String xmlBase) {
        if (xmlBase == null || xmlBase.isBlank()) {
            return this;
        }
        String resolved = absolute(xmlBase);
        HttpUrl url = HttpUrl.parse(resolved);
        return url == null ? this : new UrlResolver(url);
    }

    /** {@code url} made absolute; unchanged when absolute already, empty, or not resolvable. */
    String absolute(String url) {
        if (url == null) {
            return "";
        }
        String s = url.strip();
        if (s.isEmpty() || base == null || hasScheme(s)) {
            return s;
        }
        HttpUrl resolved = base.resolve(s);
        return resolved == null ? s : resolved.toString();
    }

    /**
     * {@code html} with relative {@code src} and {@code href} attribute values made absolute.
     * A hand-rolled scan rather than an HTML parse: this runs on every description and content
     * of every parsed feed, and almost all of them contain no relative URL at all, in which
     * case the very same string comes back.
     */
    String absoluteInHtml(String html) {
        if (base == null || html == null || html.isEmpty()) {
            return html == null ? "" : html;
        }
        StringBuilder out = null;
        int copied = 0;
        int cursor = 0; // everything before it has been scanned for tag boundaries
        boolean inTag = false;
        int eq = html.indexOf('=');
        while (eq >= 0) {
            for (; cursor < eq; cursor++) {
                char c = html.charAt(cursor);
                inTag = c == '<' || inTag && c != '>';
            }
            int valueStart = valueStart(html, eq);
            if (!inTag || valueStart < 0) {
                eq = html.indexOf('=', eq + 1);
                continue;
            }
            char quote = html.charAt(valueStart - 1);
            int valueEnd = quote == '"' || quote == '\'' ? html.indexOf(quote, valueStart) : unquotedEnd(html, valueStart);
            if (valueEnd < 0) {
                break;
            }
            int kind = urlAttribute(html, eq);
            if (kind != NOT_A_URL) {
                String value = html.substring(valueStart, valueEnd);
                String resolved = kind == SRCSET ? absoluteSrcset(value) : isRelative(value) ? absolute(value) : value;
                if (!resolved.equals(value)) {
                    if (out == null) {
                        out = new StringBuilder(html.length() + 64);
                    }
                    out.append(html, copied, valueStart).append(resolved);
                    copied = valueEnd;
                }
            }
            cursor = valueEnd; // a '>' inside an attribute value does not end the tag
            eq = html.indexOf('=', valueEnd);
        }
        if (out == null) {
            return html;
        }
        return out.append(html, copied, html.length()).toString();
    }

    /** Where the attribute value after {@code eq} starts (after an opening quote if any), or -1. */
    private static int valueStart(String html, int eq) {
        int i = eq + 1;
        while (i < html.length() && html.charAt(i) == ' ') {
            i++;
        }
        if (i >= html.length()) {
            return -1;
        }
        char c = html.charAt(i);
        return c == '"' || c == '\'' ? i + 1 : i;
    }

    private static int unquotedEnd(String html, int from) {
        int i = from;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    private static final int NOT_A_URL = 0;
    private static final int URL = 1;
    private static final int SRCSET = 2;

    /** Whether the attribute name just before {@code eq} is {@code src} or {@code href}, or {@code srcset}. */
    private static int urlAttribute(String html, int eq) {
        int end = eq;
        while (end > 0 && html.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(html.charAt(start - 1))) {
            start--;
        }
        int length = end - start;
        if (start == 0 || !Character.isWhitespace(html.charAt(start - 1))) {
            return NOT_A_URL;
        }
        if (length == 3 && html.regionMatches(true, start, "src", 0, 3)
                || length == 4 && html.regionMatches(true, start, "href", 0, 4)) {
            return URL;
        }
        return length == 6 && html.regionMatches(true, start, "srcset", 0, 6) ? SRCSET : NOT_A_URL;
    }

    /** The value of an {@code href}, {@code src} or {@code srcset} attribute (named {@code name}), absolute. */
    String absoluteAttribute(String name, String value) {
        if (name.equalsIgnoreCase("srcset")) {
            return absoluteSrcset(value);
        }
        boolean url = name.equalsIgnoreCase("href") || name.equalsIgnoreCase("src");
        return url && isRelative(value) ? absolute(value) : value;
    }

    /** "a.jpg 1x, /b.jpg 2x": each candidate's URL made absolute, descriptors kept. */
    private String absoluteSrcset(String srcset) {
        StringBuilder out = new StringBuilder(srcset.length() + 64);
        for (String candidate : srcset.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) {
                continue;
            }
            int space = c.indexOf(' ');
            String url = space < 0 ? c : c.substring(0, space);
            out.append(out.isEmpty() ? "" : ", ").append(isRelative(url) ? absolute(url) : url)
                    .append(space < 0 ? "" : c.substring(space));
        }
        return out.toString();
    }

    private static boolean isRelative(String value) {
        String s = value.strip();
        return !s.isEmpty() && !hasScheme(s) && !hasScheme(asBrowsersRead(s));
    }

    /**
     * The URL a browser would follow: character references decoded, tabs and newlines removed
     * (the URL standard drops them). "java&#x09;script:" and "javascript&#58;" have a scheme, so
     * they are left for the sanitiser to drop instead of being resolved into harmless-looking links.
     */
    private static String asBrowsersRead(String value) {
        if (value.indexOf('&') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return TABS_AND_NEWLINES.matcher(Parser.unescapeEntities(value, true)).replaceAll("").strip();
    }

    /** True for "https:…", "mailto:…", "data:…": a scheme per RFC 3986 before the first ':'. */
    static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !isAsciiLetter(url.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = url.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
