package dev.sluice.block.create;

import org.jsoup.nodes.Element;

/**
 * One match of a query: an element, an attribute of one (XPath {@code //a/@href}), or a bare
 * value (text nodes, {@code concat(...)}, JSONPath results).
 *
 * @param element   the matched element, or the attribute's owner; null for bare values
 * @param attribute the attribute's name when an attribute matched, else null
 * @param value     the attribute's or bare value; null for element matches
 */
record Hit(Element element, String attribute, String value) {

    static Hit of(Element element) {
        return new Hit(element, null, null);
    }

    static Hit of(String value) {
        return new Hit(null, null, value);
    }
}
