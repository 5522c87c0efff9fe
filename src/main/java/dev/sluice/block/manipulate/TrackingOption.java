package dev.sluice.block.manipulate;

import dev.sluice.block.BlockError;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.Options;
import dev.sluice.url.TrackingParameters;

/** The option Unique and URL Cleanup share: parameter names to treat as tracking besides the standard list. */
final class TrackingOption {
    private TrackingOption() {
    }

    static OptionSpec spec(String label) {
        return OptionSpec.text(label, "");
    }

    /** The standard tracking parameters plus the names in option {@code index}. */
    static TrackingParameters read(Options options, int index) {
        try {
            return TrackingParameters.standardPlus(options.text(index));
        } catch (IllegalArgumentException e) {
            throw new BlockError(e.getMessage());
        }
    }
}
