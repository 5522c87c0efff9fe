package dev.sluice.pattern;

import java.util.Arrays;

/**
 * Rewrites a Ruby regexp body into what RE2/J and {@code java.util.regex} understand, keeping the
 * meaning Pipes CE users relied on:
 * <ul>
 *   <li>{@code x} (extended): whitespace and {@code #…} comments outside character classes are
 *       dropped, escaped ones ({@code \ }, {@code \#}) kept — RE2/J has no such flag;</li>
 *   <li>{@code (?#…)} comments are dropped;</li>
 *   <li>inline {@code (?m)} means "dot matches newline" in Ruby, {@code (?s)} in both engines;</li>
 *   <li>{@code (?<name>…)} is RE2/J's {@code (?P<name>…)};</li>
 *   <li>{@code \h} / {@code \H} are Ruby's hex-digit classes (horizontal space in Java).</li>
 * </ul>
 * It also records, for each character of the {@code java.util.regex} form, where it came from in
 * the body, so an error position the JDK reports can be shown in the user's own pattern.
 */
final class RubyRegexTranslator {

    /**
     * @param re2        the pattern for RE2/J
     * @param jdk        the pattern for {@code java.util.regex}
     * @param jdkToBody  {@code jdkToBody[i]} is the body index of {@code jdk.charAt(i)};
     *                   {@code jdkToBody[jdk.length()]} is the body's length
     */
    record Translation(String re2, String jdk, int[] jdkToBody) {
        int bodyIndex(int jdkIndex) {
            return jdkToBody[Math.max(0, Math.min(jdkIndex, jdkToBody.length - 1))];
        }
    }

    private static final String HEX_DIGITS = "0-9a-fA-F";
    private static final String INLINE_OPTIONS = "imx-";

    private final String body;
    private final boolean extended;
    private final StringBuilder re2;
    private final StringBuilder jdk;
    private int[] map;
    private int mapped;

    private RubyRegexTranslator(String body, boolean extended) {
        this.body = body;
        this.extended = extended;
        this.re2 = new StringBuilder(body.length() + 8);
        this.jdk = new StringBuilder(body.length() + 8);
        this.map = new int[body.length() + 8];
    }

    static Translation translate(String body, boolean extended) {
        return new RubyRegexTranslator(body, extended).run();
    }

    private Translation run() {
        int n = body.length();
        int classDepth = 0;
        boolean classStart = false; // just after "[" or "[^": a "]" here is a literal
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\\') {
                i = escape(i, classDepth > 0);
                classStart = false;
            } else if (classDepth > 0) {
                if (c == '[') {
                    classDepth++; // Ruby's nested sets and POSIX classes like [[:alpha:]]
                } else if (c == ']' && !classStart) {
                    classDepth--;
                }
                classStart = c == '[' || (c == '^' && classStart && body.charAt(i - 1) == '[');
                copy(i, i + 1);
                i++;
            } else if (c == '[') {
                classDepth = 1;
                classStart = true;
                copy(i, i + 1);
                i++;
            } else if (c == '(' && body.startsWith("(?", i)) {
                i = group(i);
            } else if (extended && isSpace(c)) {
                i++;
            } else if (extended && c == '#') {
                int eol = body.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else {
                copy(i, i + 1);
                i++;
            }
        }
        mark(n);
        return new Translation(re2.toString(), jdk.toString(), Arrays.copyOf(map, mapped));
    }

    /** A backslash escape at {@code i}; returns the index after it. */
    private int escape(int i, boolean inClass) {
        if (i + 1 >= body.length()) {
            copy(i, i + 1); // trailing backslash: both engines report it
            return i + 1;
        }
        char e = body.charAt(i + 1);
        if (e == 'h') {
            substitute(inClass ? HEX_DIGITS : "[" + HEX_DIGITS + "]", i);
        } else if (e == 'H' && !inClass) {
            substitute("[^" + HEX_DIGITS + "]", i);
        } else {
            copy(i, i + 2);
        }
        return i + 2;
    }

    /** A group opening {@code (?…} at {@code i}; returns the index after what was consumed. */
    private int group(int i) {
        int n = body.length();
        if (body.startsWith("(?#", i)) {
            int close = body.indexOf(')', i);
            return close < 0 ? n : close + 1;
        }
        int j = i + 2;
        while (j < n && INLINE_OPTIONS.indexOf(body.charAt(j)) >= 0) {
            j++;
        }
        if (j > i + 2 && j < n && (body.charAt(j) == ')' || body.charAt(j) == ':')) {
            copy(i, i + 2);
            for (int k = i + 2; k <= j; k++) {
                substitute(body.charAt(k) == 'm' ? "s" : String.valueOf(body.charAt(k)), k);
            }
            return j + 1;
        }
        boolean namedGroup = i + 3 < n && body.charAt(i + 2) == '<'
                && body.charAt(i + 3) != '=' && body.charAt(i + 3) != '!';
        if (namedGroup) {
            re2.append("(?P");
            jdk.append("(?");
            mark(i);
            mark(i + 1);
            copy(i + 2, i + 3);
            return i + 3;
        }
        copy(i, i + 1);
        return i + 1;
    }

    /** Copies {@code body[from, to)} to both forms unchanged. */
    private void copy(int from, int to) {
        re2.append(body, from, to);
        jdk.append(body, from, to);
        for (int k = from; k < to; k++) {
            mark(k);
        }
    }

    /** Writes {@code s} to both forms in place of the construct at {@code bodyIndex}. */
    private void substitute(String s, int bodyIndex) {
        re2.append(s);
        jdk.append(s);
        for (int k = 0; k < s.length(); k++) {
            mark(bodyIndex);
        }
    }

    /** Records that the JDK form's next character comes from {@code bodyIndex}. */
    private void mark(int bodyIndex) {
        ensure(mapped + 2);
        map[mapped++] = bodyIndex;
    }

    private void ensure(int size) {
        if (map.length < size) {
            map = Arrays.copyOf(map, Math.max(size, map.length * 2));
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
