package dev.sluice.pattern;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern written as a Ruby regexp literal, {@code /body/flags} or {@code %r{body}flags}, split
 * into its body and the flags Sluice honours. Recognition follows the {@code to_regexp} gem that
 * Pipes CE used: the flags must all be Ruby option letters, so {@code /usr/bin} stays a literal.
 *
 * @param body       the expression between the delimiters, as typed
 * @param ignoreCase {@code i}
 * @param dotAll     {@code m}: in Ruby, the dot also matches a newline
 * @param extended   {@code x}: whitespace and {@code #} comments are not part of the pattern
 */
record RegexNotation(String body, boolean ignoreCase, boolean dotAll, boolean extended) {

    // Ruby's option letters; n, e, s and u (encodings) are accepted and ignored.
    private static final String FLAGS = "([imxnesu]*)";
    private static final Pattern SLASHED = Pattern.compile("\\A/(.*)/" + FLAGS + "\\z", Pattern.DOTALL);
    private static final Pattern PERCENT_R = Pattern.compile("\\A%r\\{(.*)\\}" + FLAGS + "\\z", Pattern.DOTALL);

    /** The regex notation of {@code source}, or null when it is a literal substring. */
    static RegexNotation parse(String source) {
        String s = source.strip();
        if (s.length() < 2 || (s.charAt(0) != '/' && s.charAt(0) != '%')) {
            return null;
        }
        Matcher m = SLASHED.matcher(s);
        if (!m.matches()) {
            m = PERCENT_R.matcher(s);
            if (!m.matches()) {
                return null;
            }
        }
        String flags = m.group(2);
        return new RegexNotation(m.group(1), flags.indexOf('i') >= 0, flags.indexOf('m') >= 0,
                flags.indexOf('x') >= 0);
    }
}
