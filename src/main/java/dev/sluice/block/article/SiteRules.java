package dev.sluice.block.article;

import dev.sluice.block.BlockError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.select.QueryParser;

/**
 * The block's per-site rules: {@code host: CSS selector}, one per line or separated by
 * {@code ;} (the editor's field is a single line). A rule for {@code example.org} also covers
 * {@code www.example.org} and {@code news.example.org}; when several cover a host, the most
 * specific one wins. Lines starting with {@code #} are comments.
 */
record SiteRules(List<Rule> rules) {

    static final SiteRules NONE = new SiteRules(List.of());

    /**
     * One rule.
     *
     * @param host     the host it is for, lower case, without port
     * @param selector the CSS selector of the article's main content
     */
    record Rule(String host, String selector) {
        boolean covers(String urlHost) {
            return urlHost.equals(host) || urlHost.endsWith("." + host);
        }
    }

    SiteRules {
        rules = rules.stream().sorted(Comparator.comparingInt((Rule r) -> r.host().length()).reversed()).toList();
    }

    /** The rules written in {@code text}; a {@link BlockError} naming the first one that is not a rule. */
    static SiteRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split("[;\\n\\r]")) {
            String line = part.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            rules.add(rule(line));
        }
        return rules.isEmpty() ? NONE : new SiteRules(rules);
    }

    private static Rule rule(String line) {
        String rest = line.replaceFirst("(?i)^https?://", "");
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new BlockError("Site rule \"" + line + "\" has no colon; write it as host: selector,"
                    + " e.g. example.org: article .post-body");
        }
        String host = rest.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        int slash = host.indexOf('/');
        host = slash < 0 ? host : host.substring(0, slash);
        String selector = rest.substring(colon + 1).strip();
        if (host.isEmpty() || !host.matches("[a-z0-9.-]+")) {
            throw new BlockError("Site rule \"" + line + "\" does not start with a host name such as example.org");
        }
        if (selector.isEmpty()) {
            throw new BlockError("Site rule \"" + line + "\" has no selector after the colon");
        }
        try {
            QueryParser.parse(selector);
        } catch (RuntimeException e) {
            throw new BlockError("Site rule \"" + line + "\": \"" + selector + "\" is not a CSS selector ("
                    + e.getMessage() + ")");
        }
        return new Rule(host, selector);
    }

    /** The rule for a URL's host, if any covers it. */
    Optional<Rule> forHost(String urlHost) {
        String h = urlHost.toLowerCase(Locale.ROOT);
        return rules.stream().filter(r -> r.covers(h)).findFirst();
    }
}
