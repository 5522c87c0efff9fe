package dev.sluice.block.article;

import dev.sluice.fetch.ContentTypes;
import dev.sluice.feed.FeedHtml;
import dev.sluice.fetch.Download;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The main content of a downloaded web page: the elements a site rule's selector picks, else
 * what Readability finds. Either way relative URLs are made absolute against the page (its
 * {@code <base href>}, else the URL it came from) and the result goes through {@link FeedHtml},
 * the one sanitising policy, so no script, handler, style or frame survives.
 */
final class ArticleExtractor {
    /**
     * Readability scores every element several times over; past this many a page is a listing or
     * a data dump rather than an article, and reading it would hold a core for seconds.
     */
    static final int MAX_ELEMENTS = 50_000;

    private ArticleExtractor() {
    }

    /**
     * Reads a made-up article page a few times, so that Readability's classes are loaded and its
     * hot code compiled before the first real Full text run (start-up warm-up); never throws.
     */
    static void warmUp(int rounds) {
        StringBuilder html = new StringBuilder("<html><head><title>Warm-up</title></head><body>"
                + "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='ad'>Advert</div><article><h1>Warm-up</h1>");
        for (int i = 0; i < 12; i++) {
            html.append("<p>Paragraph ").append(i).append(" of a made-up article, long enough for Readability to ")
                    .append("score it as text, with a <a href='/more/").append(i).append("'>relative link</a>.</p>");
        }
        html.append("</article><footer>Comments and footer</footer></body></html>");
        byte[] body = html.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Download page = new Download("https://warmup.invalid/a", "https://warmup.invalid/a", 200,
                "text/html; charset=utf-8", body, java.time.Instant.EPOCH, null, null);
        for (int i = 0; i < rounds; i++) {
            extract(page, Optional.empty());
        }
    }

    /** The article in {@code page}, by {@code rule} when there is one. */
    static Extraction extract(Download page, Optional<SiteRules.Rule> rule) {
        String url = page.finalUrl();
        if (!isHtml(page)) {
            return new Extraction.Missing(url + ": not a web page (" + describe(page.contentType()) + ")");
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(page.body()), ContentTypes.charset(page.contentType()), url);
        } catch (IOException e) {
            return new Extraction.Missing(url + ": cannot read the page (" + e.getMessage() + ")");
        }
        // before Readability, whose own resolving of relative URLs joins paths without normalising them
        ArticleUrls.makeAbsolute(doc, baseOf(doc, url));
        String note = "";
        if (rule.isPresent()) {
            Optional<Element> picked = pick(doc, rule.get().selector());
            if (picked.isPresent()) {
                picked.get().children().forEach(Boilerplate::remove); // what the rule picked stays, whatever its class
                return found(url, picked.get(), "");
            }
            note = url + ": the site rule for " + rule.get().host() + " (" + rule.get().selector()
                    + ") matched nothing; Readability chose the text instead";
        }
        int elements = doc.getAllElements().size();
        if (elements > MAX_ELEMENTS) {
            return new Extraction.Missing(url + ": the page has " + elements + " elements, more than an article"
                    + " page has (at most " + MAX_ELEMENTS + " are read)");
        }
        Boilerplate.remove(doc);
        Article article = new Readability4JExtended(url, doc).parse();
        Element content = article.getArticleContent();
        return content == null ? nothing(url) : found(url, content, note);
    }

    /** The elements {@code selector} picks, outermost only, in page order, inside one {@code <div>}. */
    private static Optional<Element> pick(Document doc, String selector) {
        Elements matches = doc.select(selector);
        Set<Element> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        matched.addAll(matches);
        Element box = new Element("div");
        for (Element e : matches) {
            if (!hasMatchedAncestor(e, matched)) {
                box.appendChild(e.clone());
            }
        }
        return box.childrenSize() == 0 ? Optional.empty() : Optional.of(box);
    }

    private static boolean hasMatchedAncestor(Element e, Set<Element> matches) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (matches.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static Extraction found(String url, Element content, String note) {
        String html = FeedHtml.clean(content.html());
        if (Jsoup.parseBodyFragment(html).text().isBlank()) {
            return nothing(url);
        }
        return new Extraction.Found(html, note);
    }

    private static Extraction nothing(String url) {
        return new Extraction.Missing(url + ": found no article text on the page");
    }

    /** The page's {@code <base href>} made absolute, else its URL. */
    private static String baseOf(Document doc, String url) {
        Element base = doc.selectFirst("base[href]");
        String href = base == null ? "" : base.absUrl("href");
        return href.startsWith("http://") || href.startsWith("https://") ? href : url;
    }

    /**
     * Whether the download is an HTML page: by its Content-Type, or — when the server sent none —
     * by a body that starts with markup.
     */
    static boolean isHtml(Download page) {
        String type = page.contentType().toLowerCase(Locale.ROOT);
        if (type.isBlank()) {
            String start = new String(page.body(), 0, Math.min(page.body().length, 512), StandardCharsets.ISO_8859_1)
                    .stripLeading();
            return start.startsWith("<");
        }
        String mime = type.split(";", 2)[0].strip();
        return mime.equals("text/html") || mime.equals("application/xhtml+xml");
    }

    private static String describe(String contentType) {
        String type = contentType.split(";", 2)[0].strip();
        return type.isEmpty() ? "no content type" : type;
    }

}
