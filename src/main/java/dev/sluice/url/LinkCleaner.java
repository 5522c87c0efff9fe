package dev.sluice.url;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes tracking parameters from links and changes nothing else: the feed's own spelling of
 * the host (a Unicode name stays Unicode), the path, the kept parameters (their order and
 * encoding) and the fragment stay exactly as they were. Links that are not http(s) URLs, or do
 * not parse, are left as they are. Returns the very same string when there was nothing to
 * remove, so callers can tell cheaply whether an item changed.
 */
public final class LinkCleaner {
    private final TrackingParameters tracking;

    public LinkCleaner(TrackingParameters tracking) {
        this.tracking = tracking;
    }

    /** {@code link} without its tracking parameters; {@code link} itself when it has none. */
    public String clean(String link) {
        if (link == null || link.indexOf('?') < 0) {
            return link;
        }
        String s = link.strip();
        HttpUrl url = HttpUrl.parse(s);
        if (url == null || url.querySize() == 0) {
            return link;
        }
        // HttpUrl decides what the parameters are and decodes their names (utm%5Fsource is
        // utm_source). The query is then edited in the original text, which is where HttpUrl
        // found it: from the first '?' (nothing before the query may contain one) to the '#'.
        int queryStart = s.indexOf('?');
        int hash = s.indexOf('#', queryStart);
        int queryEnd = hash < 0 ? s.length() : hash;
        String[] pieces = s.substring(queryStart + 1, queryEnd).split("&", -1);
        if (pieces.length != url.querySize()) {
            return link; // not the query HttpUrl read: leave what cannot be edited safely
        }
        List<String> kept = new ArrayList<>(pieces.length);
        for (int i = 0; i < pieces.length; i++) {
            if (!tracking.matches(url.queryParameterName(i))) {
                kept.add(pieces[i]);
            }
        }
        if (kept.size() == pieces.length) {
            return link;
        }
        String query = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        return s.substring(0, queryStart) + query + s.substring(queryEnd);
    }

    /**
     * {@code html} with the tracking parameters removed from the {@code href} of its links;
     * {@code html} itself when no link had any (the fragment is then not re-serialised at all).
     */
    public String cleanHtml(String html) {
        if (html == null || html.indexOf('?') < 0) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        boolean changed = false;
        for (Element a : doc.body().select("a[href], area[href]")) {
            String href = a.attr("href");
            String cleaned = clean(href);
            if (cleaned != href) { // clean() hands back the same instance when nothing was removed
                a.attr("href", cleaned);
                changed = true;
            }
        }
        if (!changed) {
            return html;
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}
