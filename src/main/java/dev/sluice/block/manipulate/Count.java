package dev.sluice.block.manipulate;

import dev.sluice.block.BlockError;
import dev.sluice.block.Options;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-number options (Truncate's count, Shorten's length, Tail's count). Pipes CE stored numbers
 * as JSON numbers or strings and read them with Ruby's {@code to_i}, so the Pipes CE blocks read
 * them the same way here: the leading whole number, a fraction cut off ("5.7" is 5).
 */
final class Count {
    /** Ruby's {@code String#to_i}: optional blanks and sign, then digits (underscores between them). */
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+(?:_\\d+)*)");

    private Count() {
    }

    /**
     * A count of at least 1: {@code defaultValue} when blank, a {@link BlockError} for anything
     * below 1 or not a number. For blocks Pipes CE did not have (Tail), where a clear error is
     * better than guessing.
     */
    static int atLeastOne(Options options, int index, String label, int defaultValue) {
        String text = options.text(index).strip();
        if (text.isEmpty()) {
            return defaultValue;
        }
        OptionalLong value = rubyInteger(text);
        if (value.isEmpty() || value.getAsLong() < 1) {
            throw new BlockError(label + " must be at least 1, got \"" + text + "\"");
        }
        return clamp(value.getAsLong());
    }

    /**
     * The option as Ruby's {@code to_i} reads it: the leading whole number, 0 when the text does
     * not start with one (as Ruby gives), empty only when the option is blank.
     */
    static OptionalLong rubyToI(Options options, int index) {
        String text = options.text(index).strip();
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(rubyInteger(text).orElse(0));
    }

    /** The leading whole number of {@code text}; empty when it has none. Huge values saturate. */
    private static OptionalLong rubyInteger(String text) {
        Matcher m = LEADING_INTEGER.matcher(text);
        if (!m.find()) {
            return OptionalLong.empty();
        }
        String digits = m.group(1).replace("_", "");
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) { // more digits than a long holds
            return OptionalLong.of(digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
    }

    static int clamp(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
