package dev.sluice.block.create;

import java.util.Locale;

/**
 * A user's selector and the language it is in. An explicit prefix ({@code css:}, {@code xpath:},
 * {@code json:}) decides; otherwise JSON documents take JSONPath, expressions that start like an
 * XPath ({@code /}, {@code (}, {@code concat(}, …) take XPath and everything else is CSS. Pipes CE
 * took any selector containing a slash for XPath, so {@code a[href*="/news/"]} failed.
 *
 * @param mode       the language
 * @param expression the selector without its prefix
 */
record Selector(Mode mode, String expression) {

    enum Mode {
        CSS("css:"), XPATH("xpath:"), JSONPATH("json:");

        final String prefix;

        Mode(String prefix) {
            this.prefix = prefix;
        }
    }

    /** XPath functions that yield a value rather than nodes and are worth guessing from. */
    private static final String[] XPATH_FUNCTIONS = {"concat(", "string(", "normalize-space(", "count(", "substring("};

    static Selector parse(String raw, PageFormat format) {
        String s = raw.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        for (Mode mode : Mode.values()) {
            if (lower.startsWith(mode.prefix)) {
                return new Selector(mode, s.substring(mode.prefix.length()).strip());
            }
        }
        if (format == PageFormat.JSON || s.startsWith("$")) {
            return new Selector(Mode.JSONPATH, s);
        }
        if (s.startsWith("/") || s.startsWith("(") || startsWithXPathFunction(lower)) {
            return new Selector(Mode.XPATH, s);
        }
        return new Selector(Mode.CSS, s);
    }

    private static boolean startsWithXPathFunction(String lower) {
        for (String f : XPATH_FUNCTIONS) {
            if (lower.startsWith(f)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return mode.prefix + expression;
    }
}
