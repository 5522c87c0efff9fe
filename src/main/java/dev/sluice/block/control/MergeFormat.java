package dev.sluice.block.control;

/**
 * How the Merge block joins two texts. Three shapes, as in Pipes CE: empty (the texts one after
 * the other), a template holding both {@code \1} and {@code \2} (each replaced by its text), or
 * any other string (a separator placed between the texts).
 */
record MergeFormat(String format, boolean template) {
    static final String FIRST = "\\1";
    static final String SECOND = "\\2";

    static MergeFormat of(String format) {
        return new MergeFormat(format, format.contains(FIRST) && format.contains(SECOND));
    }

    /**
     * The two texts joined. Two empty texts give "" (no stray separator or template text); a
     * separator is only placed between two non-empty texts, so an item with nothing to merge keeps
     * its text without a dangling separator.
     */
    String apply(String first, String second) {
        if (first.isEmpty() && second.isEmpty()) {
            return "";
        }
        if (template) {
            return fillTemplate(first, second);
        }
        if (first.isEmpty() || second.isEmpty()) {
            return first + second;
        }
        return first + format + second;
    }

    /** One pass over the template, so a {@code \1} inside the first text is not expanded again. */
    private String fillTemplate(String first, String second) {
        StringBuilder out = new StringBuilder(format.length() + first.length() + second.length());
        int i = 0;
        while (i < format.length()) {
            if (format.startsWith(FIRST, i)) {
                out.append(first);
                i += FIRST.length();
            } else if (format.startsWith(SECOND, i)) {
                out.append(second);
                i += SECOND.length();
            } else {
                out.append(format.charAt(i++));
            }
        }
        return out.toString();
    }
}
