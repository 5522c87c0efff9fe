package dev.sluice.feed;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Titles as readers show them: text. Atom says what a title is ({@code type="text"}, {@code html}
 * or {@code xhtml}); RSS does not, and real RSS titles carry escaped markup and entities
 * ("&lt;b&gt;New&lt;/b&gt;", "AT&amp;amp;T"), so an RSS title that looks like HTML after XML
 * decoding is read as HTML. Either way entities are decoded exactly once more, tags removed and
 * whitespace collapsed.
 */
final class Titles {

    /** A tag or a character reference: what makes a title HTML rather than text. */
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<[A-Za-z/!]|&(?:#\\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Titles() {
    }

    /**
     * @param value    the title's text, as decoded from XML
     * @param type     its declared type ("text", "html", "xhtml", a media type) or null for RSS
     * @param declared whether the format declares types (Atom): then an absent type means text
     */
    static String text(String value, String type, boolean declared) {
        if (value == null || value.isBlank()) {
            return "";
        }
        boolean html = type != null ? isMarkup(type) : !declared && LOOKS_LIKE_HTML.matcher(value).find();
        if (!html || value.indexOf('<') < 0 && value.indexOf('&') < 0) {
            return SPACES.matcher(value).replaceAll(" ").strip();
        }
        if (value.indexOf('<') < 0) { // entities only: no need to build a document
            return SPACES.matcher(Parser.unescapeEntities(value, false)).replaceAll(" ").strip();
        }
        return Jsoup.parseBodyFragment(FeedHtml.cdataAsText(value)).text().strip();
    }

    private static boolean isMarkup(String type) {
        String t = type.strip();
        return t.equalsIgnoreCase("html") || t.equalsIgnoreCase("xhtml") || t.equalsIgnoreCase("text/html")
                || t.equalsIgnoreCase("application/xhtml+xml");
    }
}
