package dev.sluice.block.manipulate;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Shortens text to at most N visible characters, the last of them an ellipsis. HTML is cut by
 * visible text: tags and entities count as what a reader sees, the cut falls between characters
 * of a text node, and the markup is re-serialised from the DOM, so no tag or entity is ever cut in
 * half and every open tag is closed.
 */
final class Shortener {
    static final String ELLIPSIS = "…";

    private Shortener() {
    }

    /** Plain text, cut on a code point boundary. Returns {@code text} itself when it fits. */
    static String plain(String text, int max) {
        if (text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + ELLIPSIS;
    }

    /** An HTML fragment. Returns {@code html} itself when its visible text fits. */
    static String html(String html, int max) {
        // Tags and entities only ever shrink what is visible: a short string fits for sure.
        if (html.length() <= max) {
            return html;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return plain(html, max);
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        List<TextNode> texts = body.nodeStream(TextNode.class).toList();
        int visible = 0;
        for (TextNode t : texts) {
            visible += codePoints(t.text());
        }
        if (visible <= max) {
            return html;
        }
        int budget = max - 1; // room for the ellipsis
        TextNode previous = null;
        for (TextNode t : texts) {
            String text = t.text();
            int length = codePoints(text);
            if (length > budget) {
                // Nothing of this node fits: end the previous text instead of opening an element for "…".
                TextNode last = budget == 0 && previous != null ? previous : t;
                String kept = last == t ? text.substring(0, text.offsetByCodePoints(0, budget)) : last.text();
                last.text(kept.stripTrailing() + ELLIPSIS);
                removeEverythingAfter(last, body);
                break;
            }
            budget -= length;
            previous = text.isBlank() ? previous : t;
        }
        return body.html();
    }

    /** Removes every node after {@code node} in document order, up to {@code root}. */
    private static void removeEverythingAfter(Node node, Element root) {
        for (Node n = node; n != null && n != root; n = n.parent()) {
            Node next;
            while ((next = n.nextSibling()) != null) {
                next.remove();
            }
        }
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
