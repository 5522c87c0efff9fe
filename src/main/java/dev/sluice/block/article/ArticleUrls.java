package dev.sluice.block.article;

import java.util.Locale;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Element;

/**
 * Makes an article's relative links and sources absolute before sanitising, which drops any URL
 * left relative (it would point at the reader's own site). OkHttp's {@link HttpUrl} resolves by
 * RFC 3986, as the feed parser does.
 */
final class ArticleUrls {
    private static final String[] URL_ATTRIBUTES = {"href", "src", "poster", "cite"};

    private ArticleUrls() {
    }

    static void makeAbsolute(Element root, String baseUrl) {
        HttpUrl base = HttpUrl.parse(baseUrl);
        if (base == null) {
            return;
        }
        for (Element e : root.getAllElements()) {
            for (String name : URL_ATTRIBUTES) {
                if (e.hasAttr(name)) {
                    e.attr(name, absolute(base, e.attr(name)));
                }
            }
            if (e.hasAttr("srcset")) {
                e.attr("srcset", absoluteSrcset(base, e.attr("srcset")));
            }
        }
    }

    /** {@code url} against {@code base}; as written when it has a scheme ("mailto:", "javascript:") or does not resolve. */
    static String absolute(HttpUrl base, String url) {
        String s = url.strip();
        if (s.isEmpty() || s.startsWith("#") || hasScheme(s)) {
            return s;
        }
        HttpUrl resolved = base.resolve(s);
        return resolved == null ? s : resolved.toString();
    }

    /** "a.jpg 1x, /b.jpg 2x": each candidate's URL made absolute, its descriptor kept. */
    private static String absoluteSrcset(HttpUrl base, String srcset) {
        StringBuilder out = new StringBuilder(srcset.length() + 64);
        for (String candidate : srcset.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) {
                continue;
            }
            int space = c.indexOf(' ');
            String url = space < 0 ? c : c.substring(0, space);
            out.append(out.isEmpty() ? "" : ", ").append(absolute(base, url)).append(space < 0 ? "" : c.substring(space));
        }
        return out.toString();
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        return colon > 0 && url.substring(0, colon).toLowerCase(Locale.ROOT).matches("[a-z][a-z0-9+.-]*");
    }
}
