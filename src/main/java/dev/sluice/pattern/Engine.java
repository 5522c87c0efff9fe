package dev.sluice.pattern;

import dev.sluice.block.Deadline;
import java.util.Map;

/** What actually runs a {@link UserPattern}: a substring search, RE2/J or the JDK fallback. */
sealed interface Engine permits LiteralEngine, Re2Engine, JdkEngine {

    boolean find(CharSequence text, Deadline deadline);

    /** Iterates the matches in {@code text}, left to right. */
    MatchCursor matches(String text, Deadline deadline);

    int groupCount();

    Map<String, Integer> namedGroups();

    /** The matches of one pattern in one text, as {@code java.util.regex.Matcher} walks them. */
    interface MatchCursor {
        boolean find();

        /** Start of group {@code g} of the current match; -1 when it did not participate. */
        int start(int g);

        int end(int g);
    }
}
