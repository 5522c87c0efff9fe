package dev.sluice.pattern;

import dev.sluice.block.Deadline;
import java.util.Map;

/** A literal, case-sensitive substring: plain {@code indexOf}, no regex machinery at all. */
record LiteralEngine(String literal) implements Engine {

    @Override
    public boolean find(CharSequence text, Deadline deadline) {
        return text.toString().contains(literal);
    }

    @Override
    public MatchCursor matches(String text, Deadline deadline) {
        return new MatchCursor() {
            private int from;
            private int start = -1;

            @Override
            public boolean find() {
                if (from > text.length()) {
                    return false;
                }
                start = text.indexOf(literal, from);
                if (start < 0) {
                    from = text.length() + 1;
                    return false;
                }
                // An empty literal matches between every two characters; step past each one.
                from = literal.isEmpty() ? start + 1 : start + literal.length();
                return true;
            }

            @Override
            public int start(int g) {
                return start;
            }

            @Override
            public int end(int g) {
                return start + literal.length();
            }
        };
    }

    @Override
    public int groupCount() {
        return 0;
    }

    @Override
    public Map<String, Integer> namedGroups() {
        return Map.of();
    }
}
