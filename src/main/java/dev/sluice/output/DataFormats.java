package dev.sluice.output;

import dev.sluice.block.Value;
import dev.sluice.block.data.DataTrees;
import dev.sluice.feed.OutputFormat;

/**
 * How a data pipe (one whose output is a data tree, not items) answers at its feed URL:
 * {@code .json} gives the data as JSON; {@code .xml}, {@code .rss} and the bare URL give it as
 * XML — so a data pipe over an RSS document serves an RSS document again, and a feed reader
 * subscribed to the bare URL gets XML as it expects. Atom and text have no honest rendering of
 * arbitrary data: those URLs answer 406 naming the ones that work.
 */
final class DataFormats {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String XML_TYPE = "application/xml; charset=utf-8";

    private DataFormats() {
    }

    /** A rendering of {@code data} in {@code format}. */
    static Rendered render(Value.Data data, OutputFormat format) {
        return switch (format) {
            case JSON -> new Rendered(DataTrees.toJson(data), JSON_TYPE);
            case RSS -> new Rendered(DataTrees.toXml(data), XML_TYPE);
            case ATOM, TEXT -> throw new DataFormatUnavailable("This pipe outputs data, not a feed: read it as ."
                    + OutputFormat.JSON.extension() + " (JSON) or .xml (XML), not ." + format.extension());
        };
    }

    record Rendered(byte[] body, String contentType) {
    }
}
