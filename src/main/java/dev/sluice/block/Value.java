package dev.sluice.block;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.feed.Feed;
import dev.sluice.fetch.Download;

/**
 * What a block produces and its consumers receive. Feed ports carry {@link Items}, text
 * connectors {@link Text}, the Download block a {@link Document}, data blocks {@link Data}.
 */
public sealed interface Value permits Value.Items, Value.Text, Value.Document, Value.Data {

    /** A feed: items plus channel metadata. */
    record Items(Feed feed) implements Value {
        public static final Items EMPTY = new Items(Feed.EMPTY);
    }

    /** A string, as produced by a Text Input block for a text connector. */
    record Text(String text) implements Value {
    }

    /**
     * A downloaded page or file, unparsed (the Download block). Blocks that take feeds receive it
     * parsed as a feed; Extract, Images and Tables read it as HTML, XML or JSON.
     */
    record Document(Download download) implements Value {
    }

    /**
     * A JSON or XML tree, for the data blocks. XML is held as the
     * equivalent JSON tree; {@code sourceFormat} ("json" or "xml") says how to write it back.
     */
    record Data(JsonNode tree, String sourceFormat) implements Value {
    }

    /** The kind of a port: what a connection may carry. */
    enum Kind {
        FEED, TEXT, DOCUMENT, DATA;

        /**
         * Whether a block whose data inputs accept {@code accepted} can take a {@code given} value:
         * directly, or — for a document — by parsing it as a feed or as a data tree.
         */
        public static boolean connects(java.util.Set<Kind> accepted, Kind given) {
            return accepted.contains(given)
                    || given == DOCUMENT && (accepted.contains(FEED) || accepted.contains(DATA));
        }
    }
}
