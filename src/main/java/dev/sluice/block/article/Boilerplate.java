package dev.sluice.block.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Removes the page furniture Readability keeps when it sits inside the article: inline ads,
 * newsletter and paywall boxes, share buttons, related-story boxes, widgets and screen-reader
 * skip links. Readability judges blocks by their text and links, and a sponsored paragraph or a
 * sign-up box reads like prose; their class names and ids give them away, so those decide here.
 * Only whole class tokens count ("ad", "ad-inline", "top-ad", "newsletter-signup"), never a
 * substring ("shadow", "download", "headline").
 */
final class Boilerplate {
    private static final Pattern TOKEN = Pattern.compile(
            "ads?|ad[-_].*|.*[-_]ads?|adsbygoogle|advert.*|sponsor.*|promo|promo[-_].*|"
                    + "newsletter.*|subscribe.*|signup.*|sign-up.*|paywall.*|cookie.*|consent.*|gdpr.*|"
                    + "share|share[-_].*|sharing.*|sharedaddy|social.*|related.*|jp-relatedposts|"
                    + "popup.*|widget|widget[-_].*|skip-link|screen-reader-text");
    /** Never removed, whatever their class: removing them would remove the article itself. */
    private static final Set<String> KEPT = Set.of("html", "body", "main", "article");

    private Boilerplate() {
    }

    /** Removes the furniture inside {@code root} (not {@code root} itself). */
    static void remove(Element root) {
        List<Element> furniture = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && isFurniture(e)) {
                furniture.add(e);
            }
        }
        for (Element e : furniture) {
            if (e.parent() != null) { // an ancestor may have gone already
                e.remove();
            }
        }
    }

    private static boolean isFurniture(Element e) {
        if (KEPT.contains(e.normalName())) {
            return false;
        }
        boolean named = matches(e.id());
        for (String c : e.classNames()) {
            named |= matches(c);
        }
        return named && e.selectFirst("article, main") == null;
    }

    private static boolean matches(String token) {
        return !token.isEmpty() && TOKEN.matcher(token.toLowerCase(Locale.ROOT)).matches();
    }
}
