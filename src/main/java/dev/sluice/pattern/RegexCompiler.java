package dev.sluice.pattern;

import dev.sluice.pattern.RubyRegexTranslator.Translation;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses the engine for a regex: RE2/J whenever it can compile the pattern, else
 * {@code java.util.regex} (features RE2/J lacks), else a {@link PatternError} naming the problem
 * and its position in the user's pattern. RE2/J never reports positions, so the position comes
 * from the JDK's parser, mapped back through the translation.
 */
final class RegexCompiler {

    /** RE2/J descriptions that mean "a feature I lack", not "broken pattern": the JDK's says more. */
    private static final Set<String> RE2_UNSUPPORTED = Set.of(
            "invalid or unsupported Perl syntax", "invalid escape sequence",
            "invalid nested repetition operator", "regexp/syntax: internal error");

    private RegexCompiler() {
    }

    static Engine compile(String display, RegexNotation notation) {
        Translation t = RubyRegexTranslator.translate(notation.body(), notation.extended());
        // ^ and $ always match at line boundaries: Ruby semantics, which Pipes CE users wrote for.
        int re2Flags = com.google.re2j.Pattern.MULTILINE
                | (notation.ignoreCase() ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
                | (notation.dotAll() ? com.google.re2j.Pattern.DOTALL : 0);
        try {
            return new Re2Engine(com.google.re2j.Pattern.compile(t.re2(), re2Flags));
        } catch (com.google.re2j.PatternSyntaxException re2Error) {
            // UNIX_LINES: only \n ends a line, as in Ruby.
            int jdkFlags = java.util.regex.Pattern.MULTILINE | java.util.regex.Pattern.UNIX_LINES
                    | (notation.ignoreCase()
                            ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0)
                    | (notation.dotAll() ? java.util.regex.Pattern.DOTALL : 0);
            try {
                return new JdkEngine(java.util.regex.Pattern.compile(t.jdk(), jdkFlags), display);
            } catch (java.util.regex.PatternSyntaxException jdkError) {
                throw invalid(display, t, re2Error, jdkError);
            }
        }
    }

    private static PatternError invalid(String display, Translation t,
            com.google.re2j.PatternSyntaxException re2Error,
            java.util.regex.PatternSyntaxException jdkError) {
        String re2Description = re2Error.getDescription();
        boolean re2Telling = re2Description != null && !RE2_UNSUPPORTED.contains(re2Description);
        String problem = re2Telling ? re2Description : friendly(jdkError.getDescription());
        int jdkIndex = jdkError.getDescription().startsWith("Unmatched closing")
                ? unmatchedClosingParen(t.jdk())
                : jdkError.getIndex();
        String where = jdkIndex < 0 ? "" : " at position " + t.bodyIndex(jdkIndex);
        return new PatternError("Invalid pattern " + display + ": " + problem + where);
    }

    /** The JDK's descriptions, in the lower-case words RE2/J uses for the same problems. */
    private static String friendly(String jdkDescription) {
        return switch (jdkDescription) {
            case "Unclosed group" -> "missing closing )";
            case "Unmatched closing ')'" -> "unmatched closing )";
            case "Unclosed character class" -> "missing closing ]";
            case "Illegal/unsupported escape sequence" -> "unknown escape sequence";
            case "Unescaped trailing backslash" -> "trailing backslash at end of pattern";
            default -> jdkDescription.startsWith("Dangling meta character")
                    ? "nothing to repeat before " + jdkDescription.substring("Dangling meta character ".length())
                    : jdkDescription.substring(0, 1).toLowerCase(Locale.ROOT) + jdkDescription.substring(1);
        };
    }

    /** Index of the first ")" with no open group, skipping escapes and classes; -1 if none. */
    static int unmatchedClosingParen(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return i;
            }
        }
        return -1;
    }
}
