package dev.sluice.block.create;

import java.util.Locale;
import java.util.Set;

/** What an extracted item holds for one match, by the Extract block's attribute option. */
final class MatchValue {
    /** Attributes whose values are URLs, made absolute against the page's URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href", "src", "action", "formaction", "poster", "cite", "data", "background",
            "longdesc", "data-src", "data-href", "data-url", "content-url", "url");

    private MatchValue() {
    }

    /**
     * The value of {@code hit}: inner HTML for an empty attribute or {@code content}, the whole
     * element for {@code OuterXml}, else the attribute's value (absolute when it is a URL).
     * Bare values (concat(), text nodes, JSON) are taken as they are.
     */
    static String of(Hit hit, String attribute) {
        if (hit.element() == null) {
            return hit.value();
        }
        if (hit.attribute() != null) {
            return attributeValue(hit, hit.attribute());
        }
        String key = attribute.toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.equals(ExtractBlock.INNER_MARKUP)) {
            return hit.element().html();
        }
        if (key.equals(ExtractBlock.OUTER_MARKUP)) {
            return hit.element().outerHtml();
        }
        return attributeValue(hit, attribute);
    }

    private static String attributeValue(Hit hit, String attribute) {
        String raw = hit.element().attr(attribute);
        if (!raw.isEmpty() && isUrlAttribute(attribute)) {
            String absolute = hit.element().absUrl(attribute);
            return absolute.isEmpty() ? raw : absolute;
        }
        return raw;
    }

    static boolean isUrlAttribute(String attribute) {
        return URL_ATTRIBUTES.contains(attribute.toLowerCase(Locale.ROOT));
    }

    static boolean isAbsoluteUrl(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.startsWith("http://") || v.startsWith("https://");
    }
}
