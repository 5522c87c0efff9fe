package dev.sluice.block.manipulate;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A title reduced to its words, so that the same headline as two feeds spell it compares equal:
 * Unicode-normalised (NFKC: "ﬁ" is "fi", a full-width "Ａ" is "A"), case-folded ("Straße" is
 * "STRASSE"), with punctuation counted as a word break ("It’s" is "It's", "well-known" is
 * "well known", "Rust 1.80" is "Rust 1 80"), invisible characters (zero-width spaces, soft
 * hyphens) removed and runs of white space one space. Symbols such as "+" or "$" stay: "C++" is
 * not "C". Accents stay too: "résumé" is not "resume".
 */
final class TitleKey {
    private TitleKey() {
    }

    /** The key of {@code title}; null when no word is left, for a title that identifies nothing. */
    static String of(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC);
        // Java has no full case folding; upper then lower case maps ß to ss and final ς to σ as folding does.
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC); // case mapping can leave unnormalised sequences ("İ")
        // One pass over the code points by their Unicode category (a regex took 10 times as long).
        StringBuilder words = new StringBuilder(s.length());
        boolean pendingBreak = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isBreak(c)) {
                pendingBreak = true;
            } else if (Character.getType(c) != Character.FORMAT) {
                if (pendingBreak && !words.isEmpty()) {
                    words.append(' ');
                }
                pendingBreak = false;
                words.appendCodePoint(c);
            }
        }
        return words.isEmpty() ? null : words.toString();
    }

    /** Punctuation, white space, separators and control characters: what separates words. */
    private static boolean isBreak(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.CONTROL -> true;
            default -> Character.isWhitespace(c);
        };
    }
}
