package dev.sluice.pattern;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.sluice.block.Deadline;
import java.util.Map;

/**
 * RE2/J: matching time is linear in the text, whatever the pattern, so no deadline checks are
 * needed inside a match. (Loops over many matches still check between matches.)
 */
record Re2Engine(Pattern pattern) implements Engine {

    @Override
    public boolean find(CharSequence text, Deadline deadline) {
        return pattern.matcher(text).find();
    }

    @Override
    public MatchCursor matches(String text, Deadline deadline) {
        Matcher m = pattern.matcher(text);
        return new MatchCursor() {
            @Override
            public boolean find() {
                return m.find();
            }

            @Override
            public int start(int g) {
                return m.start(g);
            }

            @Override
            public int end(int g) {
                return m.end(g);
            }
        };
    }

    @Override
    public int groupCount() {
        return pattern.groupCount();
    }

    @Override
    public Map<String, Integer> namedGroups() {
        return pattern.namedGroups();
    }
}
