package dev.sluice.app;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pipe's tags as people type them, made comparable: trimmed, lower-cased, inner white space
 * collapsed, empty and repeated tags dropped, so "Rust", " rust " and "RUST" are one tag and the
 * gallery's tag search finds them all.
 */
public final class Tags {
    public static final int MAX_TAGS = 20;
    public static final int MAX_LENGTH = 40;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Tags() {
    }

    /**
     * The normalised tags, in the order first given.
     *
     * @throws IllegalArgumentException with a message for the user when there are too many tags
     *                                  or one is too long
     */
    public static List<String> normalise(Collection<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            String t = SPACES.matcher(tag == null ? "" : tag.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
            if (t.codePointCount(0, t.length()) > MAX_LENGTH) {
                String start = t.substring(0, t.offsetByCodePoints(0, MAX_LENGTH));
                throw new IllegalArgumentException("The tag \"" + start + "…\" is longer than " + MAX_LENGTH + " characters");
            }
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("A pipe can have at most " + MAX_TAGS + " tags; this one has " + tags.size());
        }
        return List.copyOf(tags);
    }
}
