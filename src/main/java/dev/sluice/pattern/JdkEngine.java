package dev.sluice.pattern;

import dev.sluice.block.Deadline;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java.util.regex} for the few patterns RE2/J cannot express (back-references,
 * look-around, possessive and atomic groups). It backtracks, so every match reads its text
 * through a {@link DeadlineCharSequence}; a pattern that recurses too deep for the text becomes a
 * clear error rather than a {@link StackOverflowError}.
 */
record JdkEngine(Pattern pattern, String display) implements Engine {

    @Override
    public boolean find(CharSequence text, Deadline deadline) {
        try {
            return pattern.matcher(new DeadlineCharSequence(text.toString(), deadline)).find();
        } catch (StackOverflowError e) {
            throw tooComplex();
        }
    }

    @Override
    public MatchCursor matches(String text, Deadline deadline) {
        Matcher m = pattern.matcher(new DeadlineCharSequence(text, deadline));
        return new MatchCursor() {
            @Override
            public boolean find() {
                try {
                    return m.find();
                } catch (StackOverflowError e) {
                    throw tooComplex();
                }
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
        return pattern.matcher("").groupCount();
    }

    @Override
    public Map<String, Integer> namedGroups() {
        return pattern.namedGroups();
    }

    private PatternError tooComplex() {
        return new PatternError("Pattern " + display + " is too complex for a text this long;"
                + " simplify it (avoid back-references and look-around)");
    }
}
