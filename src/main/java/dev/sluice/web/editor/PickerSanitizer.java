package dev.sluice.web.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes a downloaded page inert for the Extract picker while keeping what a selector needs: the
 * element structure, ids and classes stay exactly as on the real page (the selector is run by
 * Extract on that page), everything that could act does not — scripts, event handlers,
 * {@code javascript:} URLs, frames and plug-ins, meta refreshes and the page's own {@code <base>}.
 * A {@code <base href>} of the page's address is added so its images and CSS still load, and ONE
 * script of ours, the picker's frame script, is appended.
 *
 * <p>Unlike the preview's Safelist cleaning, this is a deny-list on purpose: a Safelist would drop
 * unknown tags and attributes and the selector would no longer match. The page's CSP (see
 * {@link PickerPage}) is the second wall: even a handler that slipped through could not run.
 */
final class PickerSanitizer {
    /** Elements removed with their contents: they run code, embed other documents, or navigate. */
    static final String REMOVED = "script, noscript, iframe, frame, frameset, object, embed, applet, portal, base, "
            + "meta[http-equiv]";
    /** Attributes that may hold a URL a browser follows or runs. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "poster", "background", "srcset", "ping", "lowsrc", "dynsrc", "codebase", "cite", "longdesc");
    /** URL schemes that run code or carry a whole document; whitespace and control characters are ignored by browsers. */
    private static final Pattern DANGEROUS_URL = Pattern.compile("^(javascript:|vbscript:|data:text/html|data:image/svg)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IGNORED_BY_BROWSERS = Pattern.compile("[\\x00-\\x20\\x7f]+");

    private PickerSanitizer() {
    }

    /**
     * Defuses {@code page} in place and returns its HTML.
     *
     * @param pageUrl     the page's final address: the {@code <base href>} for its images and CSS
     * @param frameScript absolute URL of the picker's frame script (absolute: the base points elsewhere)
     * @param parentOrigin the editor's origin, the only one the frame script posts its messages to
     */
    static String sanitise(Document page, String pageUrl, String frameScript, String parentOrigin) {
        page.select(REMOVED).remove();
        // Links other than style sheets preload, prefetch or import documents; style sheets keep the look.
        page.select("link").stream().filter(link -> !link.attr("rel").toLowerCase(Locale.ROOT).contains("stylesheet"))
                .forEach(Element::remove);
        for (Element element : page.getAllElements()) {
            defuseAttributes(element);
        }
        page.head().prependElement("base").attr("href", pageUrl);
        page.body().appendElement("script").attr("src", frameScript).attr("data-parent-origin", parentOrigin);
        page.outputSettings().prettyPrint(false);
        return page.outerHtml();
    }

    private static void defuseAttributes(Element element) {
        List<String> doomed = new ArrayList<>();
        for (Attribute attribute : element.attributes()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("on") || name.equals("srcdoc") || name.equals("formaction")
                    || URL_ATTRIBUTES.contains(name) && dangerous(attribute.getValue())) {
                doomed.add(attribute.getKey());
            }
        }
        doomed.forEach(element::removeAttr);
        // <form action> would navigate the frame; the CSP's form-action 'none' blocks it too.
        if (element.normalName().equals("form")) {
            element.removeAttr("action");
        }
    }

    /** Whether a URL attribute's value would run code (also each candidate of a srcset). */
    static boolean dangerous(String url) {
        String compact = IGNORED_BY_BROWSERS.matcher(url).replaceAll("");
        if (DANGEROUS_URL.matcher(compact).find()) {
            return true;
        }
        for (String candidate : url.split(",")) {
            if (DANGEROUS_URL.matcher(IGNORED_BY_BROWSERS.matcher(candidate).replaceAll("")).find()) {
                return true;
            }
        }
        return false;
    }
}
