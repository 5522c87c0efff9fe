package dev.sluice.block.control;

import dev.sluice.block.BlockError;
import java.util.Arrays;
import java.util.Locale;

/** What the ForEach block does with each item's URL. Pipes CE stored these lowercase names. */
enum ForeachMode {
    /** Fetch the URL as a feed; the output holds the items of all fetched feeds. */
    FEED("feed"),
    /** Download the URL; the output holds one item per URL with the body as its content. */
    DOWNLOAD("download"),
    /** Pipes CE's Twitter mode: kept so old pipes load, but the service is gone. */
    TWEETS("tweets"),
    /**
     * What Pipes CE saved for a ForEach nothing was dropped into yet. Such pipes load, and running
     * the block is an error, as it was there.
     */
    EMPTY("empty");

    static final String TWITTER_GONE = "Twitter is no longer available to Sluice (the service closed its API);"
            + " choose \"feed\" or \"download\"";
    static final String NO_ACTION = "No action to do: choose \"feed\" or \"download\"";

    private final String key;

    ForeachMode(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static String[] keys() {
        return Arrays.stream(values()).map(ForeachMode::key).toArray(String[]::new);
    }

    /** The mode named by {@code value}; blank means {@link #FEED}. */
    static ForeachMode of(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return FEED;
        }
        for (ForeachMode m : values()) {
            if (m.key.equals(wanted)) {
                return m;
            }
        }
        throw new BlockError("Unknown mode \"" + value.strip() + "\"; choose feed or download");
    }
}
