package dev.sluice.feed;

import dev.sluice.fetch.ContentTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed autodiscovery: the feeds an HTML page announces with
 * {@code <link rel="alternate" type="application/rss+xml" href="…">}, for a Feed block given a
 * page URL instead of a feed URL. Also the cheap check for "this body is HTML, not a feed".
 */
public final class FeedDiscovery {

    /** The feed types autodiscovery links use (lowercase, without parameters). */
    private static final Set<String> FEED_TYPES = Set.of(
            "application/rss+xml", "application/atom+xml", "application/feed+json",
            "application/json", "application/rdf+xml");

    /** How much of a body {@link #looksLikeHtml} inspects: enough to get past a long prolog. */
    private static final int SNIFF_BYTES = 2048;

    /** Root elements that make a document a feed whatever its Content-Type says. */
    private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "rdf:rdf", "rdf");

    /** Elements an HTML document (or a fragment served as a page) starts with. */
    private static final Set<String> HTML_STARTS = Set.of("html", "head", "body", "meta", "title", "script", "div", "p");

    private FeedDiscovery() {
    }

    /**
     * The feed URLs {@code html} announces, absolute against {@code pageUrl} (and any
     * {@code <base href>}), in document order, without duplicates.
     */
    public static List<String> discover(byte[] html, String contentType, String pageUrl) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), ContentTypes.charset(contentType), pageUrl == null ? "" : pageUrl);
        } catch (IOException e) {
            return List.of(); // a byte array cannot fail to read; nothing to discover if it did
        }
        Set<String> urls = new LinkedHashSet<>();
        for (Element link : page.select("link[rel][type][href]")) {
            boolean alternate = false;
            for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                alternate |= rel.equals("alternate");
            }
            String type = link.attr("type").toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
            String href = link.absUrl("href");
            if (alternate && FEED_TYPES.contains(type)) {
                urls.add(href.isEmpty() ? link.attr("href").strip() : href);
            }
        }
        urls.remove("");
        return new ArrayList<>(urls);
    }

    /**
     * True when {@code body} is an HTML page rather than a feed. The body decides (servers often
     * send feeds as text/html); the Content-Type only decides when the first tag is unclear.
     */
    public static boolean looksLikeHtml(byte[] body, String contentType) {
        boolean htmlType = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
        int start = FeedParser.firstSignificantByte(body);
        if (start < 0) {
            return false;
        }
        String head = new String(body, start, Math.min(SNIFF_BYTES, body.length - start), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < head.length()) {
            if (head.startsWith("<?", i)) {
                i = skipPast(head, i, "?>");
            } else if (head.startsWith("<!--", i)) {
                i = skipPast(head, i, "-->");
            } else if (head.startsWith("<!doctype", i)) {
                return head.startsWith("html", skipSpaces(head, i + "<!doctype".length()));
            } else if (head.charAt(i) == '<') {
                String name = tagName(head, i + 1);
                if (FEED_ROOTS.contains(name)) {
                    return false;
                }
                return HTML_STARTS.contains(name) || htmlType;
            } else if (Character.isWhitespace(head.charAt(i))) {
                i++;
            } else {
                return head.charAt(i) != '{' && htmlType; // text or JSON: trust an HTML Content-Type only
            }
        }
        return htmlType;
    }

    private static int skipPast(String s, int from, String end) {
        int at = s.indexOf(end, from);
        return at < 0 ? s.length() : at + end.length();
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String tagName(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '>' && s.charAt(i) != '/') {
            i++;
        }
        return s.substring(from, i);
    }

}
