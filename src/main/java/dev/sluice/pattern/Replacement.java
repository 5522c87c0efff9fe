package dev.sluice.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A replacement template compiled against one {@link UserPattern}. Syntax: Ruby's {@code gsub},
 * which Pipes CE's users wrote their templates for, plus the {@code $} forms people bring from
 * JavaScript:
 * <ul>
 *   <li>{@code \0} or {@code \&} the whole match; {@code \1}…{@code \9} a group (one the pattern
 *       lacks adds nothing, as in Ruby); {@code \k<name>} a named group; {@code \`} the text
 *       before the match, {@code \'} the text after it;</li>
 *   <li>{@code $0}, {@code $1}, {@code $12} (as many digits as name an existing group),
 *       {@code ${name}}: only when they name a group of the pattern; otherwise they stay as typed,
 *       as Ruby leaves them, so a Pipes CE template like "$5 off" keeps meaning what it said;</li>
 *   <li>{@code \\} a backslash, {@code \$} a dollar; any other {@code \x} and a {@code $} that
 *       starts no reference stay as typed.</li>
 * </ul>
 * A {@code \k<name>} naming no group is an error before any item is touched (Ruby fails on it
 * too). Expansion is done here rather than by an engine's own replacement syntax, so the same
 * template means the same thing on every engine and never throws halfway through a feed.
 */
public final class Replacement {

    private sealed interface Part permits Text, Group, Before, After {
    }

    private record Text(String text) implements Part {
    }

    private record Group(int number) implements Part {
    }

    /** Ruby's {@code \`}: the text before the match. */
    private record Before() implements Part {
    }

    /** Ruby's {@code \'}: the text after the match. */
    private record After() implements Part {
    }

    private final UserPattern pattern;
    private final String template;
    private final List<Part> parts;

    private Replacement(UserPattern pattern, String template, List<Part> parts) {
        this.pattern = pattern;
        this.template = template;
        this.parts = parts;
    }

    /** Compiles {@code template} for a pattern with these groups; a missing group is a {@link PatternError}. */
    static Replacement compile(UserPattern pattern, String template, int groupCount, Map<String, Integer> names) {
        return new Replacement(pattern, template, new Parser(template, groupCount, names).parse());
    }

    UserPattern pattern() {
        return pattern;
    }

    /** The template as the user typed it. */
    public String template() {
        return template;
    }

    /** Appends this replacement for the current match of {@code m} in {@code text}. */
    void appendTo(StringBuilder out, String text, Engine.MatchCursor m) {
        for (Part part : parts) {
            if (part instanceof Text t) {
                out.append(t.text());
            } else if (part instanceof Group g) {
                int start = m.start(g.number());
                if (start >= 0) { // a group that took no part in the match adds nothing
                    out.append(text, start, m.end(g.number()));
                }
            } else if (part instanceof Before) {
                out.append(text, 0, m.start(0));
            } else if (part instanceof After) {
                out.append(text, m.end(0), text.length());
            }
        }
    }

    @Override
    public String toString() {
        return template;
    }

    /** One pass over the template, merging runs of literal text into one part. */
    private static final class Parser {
        private final String template;
        private final int groupCount;
        private final Map<String, Integer> names;
        private final List<Part> parts = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int i;

        Parser(String template, int groupCount, Map<String, Integer> names) {
            this.template = template;
            this.groupCount = groupCount;
            this.names = names;
        }

        List<Part> parse() {
            int n = template.length();
            while (i < n) {
                char c = template.charAt(i);
                if (c == '\\' && i + 1 < n) {
                    backslash(template.charAt(i + 1));
                } else if (c == '$' && i + 1 < n) {
                    dollar(template.charAt(i + 1));
                } else {
                    text.append(c);
                    i++;
                }
            }
            flushText();
            return List.copyOf(parts);
        }

        private void backslash(char e) {
            if (e >= '0' && e <= '9') {
                if (e - '0' <= groupCount) { // Ruby: a group the pattern lacks adds nothing
                    group(e - '0');
                }
                i += 2;
            } else if (e == '&') {
                group(0);
                i += 2;
            } else if (e == '`' || e == '\'') {
                flushText();
                parts.add(e == '`' ? new Before() : new After());
                i += 2;
            } else if (e == '\\' || e == '$') {
                text.append(e);
                i += 2;
            } else if (e == 'k' && template.startsWith("<", i + 2) && template.indexOf('>', i + 3) > 0) {
                int close = template.indexOf('>', i + 3);
                named(template.substring(i + 3, close));
                i = close + 1;
            } else {
                text.append('\\').append(e);
                i += 2;
            }
        }

        /** A {@code $} reference counts only when it names a group; otherwise it is text, as Ruby reads it. */
        private void dollar(char e) {
            if (e >= '0' && e <= '9' && e - '0' <= groupCount) {
                int number = e - '0';
                int j = i + 2;
                // $12 means group 12 only when there is one; otherwise group 1 followed by "2".
                while (j < template.length() && Character.isDigit(template.charAt(j))
                        && number * 10 + (template.charAt(j) - '0') <= groupCount) {
                    number = number * 10 + (template.charAt(j) - '0');
                    j++;
                }
                group(number);
                i = j;
            } else if (e == '{' && template.indexOf('}', i + 2) > 0
                    && isGroup(template.substring(i + 2, template.indexOf('}', i + 2)))) {
                int close = template.indexOf('}', i + 2);
                named(template.substring(i + 2, close));
                i = close + 1;
            } else {
                text.append('$');
                i++;
            }
        }

        /** Whether {@code name} (a group name or number) is a group of the pattern. */
        private boolean isGroup(String name) {
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                return name.length() < 10 && Integer.parseInt(name) <= groupCount;
            }
            return names.containsKey(name);
        }

        private void named(String name) {
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                group(Integer.parseInt(name));
                return;
            }
            Integer number = names.get(name);
            if (number == null) {
                throw new PatternError("The replacement \"" + template + "\" refers to group <" + name
                        + ">, which the pattern does not define");
            }
            group(number);
        }

        private void group(int number) {
            if (number > groupCount) {
                String has = switch (groupCount) {
                    case 0 -> "has no groups";
                    case 1 -> "has only 1 group";
                    default -> "has only " + groupCount + " groups";
                };
                throw new PatternError("The replacement \"" + template + "\" refers to group " + number
                        + ", but the pattern " + has);
            }
            flushText();
            parts.add(new Group(number));
        }

        private void flushText() {
            if (!text.isEmpty()) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
        }
    }
}
