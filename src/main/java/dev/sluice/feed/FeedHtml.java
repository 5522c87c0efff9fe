package dev.sluice.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one policy for HTML inside feeds, used by every output and by the preview: keep what feed
 * readers keep (text structure, tables, figures, media with safe sources, {@code class},
 * {@code title}, {@code lang}, {@code dir}…), remove scripts, frames, plug-ins, forms and styles
 * with everything inside them, drop event handlers and {@code style} attributes, and allow only
 * http(s) and mailto links and http(s) (or {@code data:image}) sources. Relative URLs must have
 * been made absolute before (the parser does it against {@code xml:base}); any left are dropped.
 */
public final class FeedHtml {

    /** Removed with all they contain: their text is code, a form or a foreign document, never prose. */
    private static final Set<String> REMOVED_WHOLE = Set.of("script", "style", "iframe", "frame", "frameset", "object",
            "embed", "applet", "noscript", "noembed", "noframes", "template", "svg", "math", "form", "input", "button",
            "select", "textarea");

    private static final String[] BLOCKS = {"address", "article", "aside", "blockquote", "caption", "center",
        "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul", "col", "colgroup"};
    private static final String[] INLINE = {"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code",
        "del", "dfn", "em", "i", "img", "ins", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
        "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "audio", "video", "source", "picture"};

    private static final Safelist SAFELIST = new Safelist()
            .addTags(BLOCKS)
            .addTags(INLINE)
            .addAttributes(":all", "class", "title", "lang", "dir")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "width", "height", "srcset")
            .addAttributes("td", "colspan", "rowspan", "headers", "scope", "abbr")
            .addAttributes("th", "colspan", "rowspan", "headers", "scope", "abbr")
            .addAttributes("ol", "start", "type", "reversed")
            .addAttributes("li", "value")
            .addAttributes("blockquote", "cite")
            .addAttributes("q", "cite")
            .addAttributes("del", "cite", "datetime")
            .addAttributes("ins", "cite", "datetime")
            .addAttributes("time", "datetime")
            .addAttributes("col", "span")
            .addAttributes("colgroup", "span")
            .addAttributes("details", "open")
            .addAttributes("audio", "src", "controls", "loop", "muted", "preload")
            .addAttributes("video", "src", "controls", "poster", "width", "height", "loop", "muted", "preload")
            .addAttributes("source", "src", "srcset", "type", "media")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https", "data")
            .addProtocols("audio", "src", "http", "https")
            .addProtocols("video", "src", "http", "https")
            .addProtocols("video", "poster", "http", "https")
            .addProtocols("source", "src", "http", "https")
            .addProtocols("blockquote", "cite", "http", "https")
            .addProtocols("q", "cite", "http", "https")
            .addProtocols("del", "cite", "http", "https")
            .addProtocols("ins", "cite", "http", "https")
            .preserveRelativeLinks(false);

    /**
     * Cleaning costs tens of microseconds an item, and the same upstream items are written again
     * and again (every format, every run until the upstream changes): each text is cleaned once.
     * Weighed by characters, so it is bounded in bytes.
     */
    private static final Cache<String, String> CLEANED = Caffeine.newBuilder()
            .maximumWeight(16L * 1024 * 1024) // characters, keys and values
            .weigher((String dirty, String clean) -> dirty.length() + clean.length())
            .build();

    private FeedHtml() {
    }

    /** {@code html} as the policy keeps it; the same string when it has no markup at all. */
    public static String clean(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html; // plain text: nothing to remove, nothing to re-escape
        }
        return CLEANED.get(html, FeedHtml::cleanNow);
    }

    /** Forgets every cleaned text: for the start-up warm-up, whose made-up texts must not crowd out real ones. */
    public static void forgetCleaned() {
        CLEANED.invalidateAll();
    }

    private static String cleanNow(String html) {
        Document dirty = Jsoup.parseBodyFragment(cdataAsText(html), "");
        for (Element e : dirty.body().getAllElements()) { // one pass, no selector engine
            if (e.parent() == null) {
                continue;
            }
            if (REMOVED_WHOLE.contains(e.normalName())) {
                e.remove();
            } else if (e.normalName().equals("xmp")) {
                // Obsolete, shown by browsers as literal text; its content is raw data, which the
                // Cleaner would drop with the tag, so it is kept as the text it shows.
                e.replaceWith(new TextNode(e.data()));
            }
        }
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element e : clean.body().getAllElements()) {
            if (e.hasAttr("srcset") && !safeSrcset(e.attr("srcset"))) {
                e.removeAttr("srcset");
            }
            if (e.normalName().equals("img") && e.hasAttr("src") && e.attr("src").regionMatches(true, 0, "data:", 0, 5)
                    && !e.attr("src").toLowerCase(Locale.ROOT).startsWith("data:image/")) {
                e.removeAttr("src"); // data: only for images
            }
        }
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        return clean.body().html();
    }

    /**
     * {@code <![CDATA[…]]>} written inside HTML, by feeds that wrap their content twice ({@code
     * &lt;![CDATA[…]]&gt;} in a description, or a title): the section as the escaped text it holds.
     * HTML's parsing rules read the marker as a comment that runs to the first {@code >}, which
     * hides the text, often all of it. Only text is produced; the markup around is parsed as usual.
     */
    static String cdataAsText(String html) {
        int start = html.indexOf("<![CDATA[");
        if (start < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int copied = 0;
        while (start >= 0) {
            int end = html.indexOf("]]>", start + 9);
            int stop = end < 0 ? html.length() : end; // an unclosed section runs to the end
            out.append(html, copied, start).append(Entities.escape(html.substring(start + 9, stop)));
            copied = end < 0 ? html.length() : end + 3;
            start = html.indexOf("<![CDATA[", copied);
        }
        return out.append(html, copied, html.length()).toString();
    }

    /** Every candidate of a srcset is an absolute http(s) URL. */
    private static boolean safeSrcset(String srcset) {
        for (String candidate : srcset.split(",")) {
            String url = candidate.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
                return false;
            }
        }
        return true;
    }
}
