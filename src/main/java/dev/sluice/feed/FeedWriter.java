package dev.sluice.feed;

import javax.xml.stream.XMLStreamException;

/**
 * Writes a {@link Feed} as RSS 2.0, Atom 1.0, JSON Feed 1.1 or plain text, every item's HTML
 * cleaned by {@link FeedHtml} first (sanitise last: whatever blocks did to it). The output depends
 * only on the feed and the options, never on the clock, so equal feeds give byte-identical
 * output (and equal ETags). Stateless and thread-safe.
 */
public final class FeedWriter {

    public byte[] write(Feed feed, OutputFormat format, WriteOptions options) {
        Feed complete = ready(feed); // cleaned texts are cached: after a Cleaning of this feed, cheap
        try {
            return switch (format) {
                case RSS -> RssWriter.write(complete, options);
                case ATOM -> AtomWriter.write(complete, options);
                case JSON -> JsonFeedWriter.write(complete, options);
                case TEXT -> TextWriter.write(complete);
            };
        } catch (XMLStreamException e) {
            // writing into memory fails only when the writer is used wrongly: a bug, not bad input
            throw new IllegalStateException("could not write " + format + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every item as the formats need it: a GUID for items built by hand without one (taken from
     * the item as it came, so it does not move with the cleaning policy), and the HTML cleaned by
     * {@link FeedHtml}, a long feed on every core ({@link Cleaning}). The same feed comes back when
     * nothing had to change. Package-visible for the test that compares the bytes with what Rome's
     * writers made of the same ready items.
     */
    static Feed ready(Feed feed) {
        return Cleaning.start(feed).finish();
    }
}
