package dev.sluice.block.manipulate;

import dev.sluice.block.BlockError;
import dev.sluice.block.Options;

/**
 * A positive whole-number option (Truncate's count, Shorten's length). Pipes CE stored numbers as
 * JSON numbers or strings; a blank means the default, anything else must be at least 1.
 */
final class Count {
    private Count() {
    }

    static int atLeastOne(Options options, int index, String label, int defaultValue) {
        String text = options.text(index).strip();
        if (text.isEmpty()) {
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 1)) { // also catches NaN
            throw new BlockError(label + " must be at least 1, got \"" + text + "\"");
        }
        return value >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.round(value);
    }
}
