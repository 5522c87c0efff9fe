package dev.sluice.feed;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.stream.XMLStreamException;

/**
 * Writes a {@link Feed} as RSS 2.0, Atom 1.0, JSON Feed 1.1 or plain text, every item's HTML
 * cleaned by {@link FeedHtml} first (sanitise last: whatever blocks did to it). The output depends
 * only on the feed and the options, never on the clock, so equal feeds give byte-identical
 * output (and equal ETags). Stateless and thread-safe.
 */
public final class FeedWriter {

    /** From how many items cleaning is worth spreading over the cores. */
    private static final int PARALLEL_FROM = 64;

    public byte[] write(Feed feed, OutputFormat format, WriteOptions options) {
        Feed complete = ready(feed);
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
     * Cleans the feed's HTML ahead of writing it; the cleaned texts are remembered, so the write
     * that follows finds them done. Lets a caller clean on an idle core while it does other work.
     */
    public void cleanAhead(Feed feed) {
        ready(feed);
    }

    /**
     * Every item as the formats need it: a GUID for items built by hand without one (taken from
     * the item as it came, so it does not move with the cleaning policy), and the HTML cleaned by
     * {@link FeedHtml}. The same feed comes back when nothing had to change. Cleaning is most of
     * the cost of writing a feed the first time (about 0.1 ms per text, thousands of texts in a
     * large pipe), so a long feed is cleaned on every core; the common pool's workers only ever
     * clean text here, which never blocks. Package-visible for the test that compares the bytes
     * with what Rome's writers made of the same ready items.
     */
    static Feed ready(Feed feed) {
        List<Item> items = feed.items();
        Item[] ready = new Item[items.size()];
        IntStream indexes = IntStream.range(0, ready.length);
        (ready.length >= PARALLEL_FROM ? indexes.parallel() : indexes).forEach(i -> ready[i] = ready(items.get(i)));
        boolean changed = false;
        for (int i = 0; i < ready.length && !changed; i++) {
            changed = ready[i] != items.get(i);
        }
        return changed ? feed.withItems(Arrays.asList(ready)) : feed;
    }

    private static Item ready(Item item) {
        Item withGuid = item.guid().isBlank() ? GuidPolicy.apply(item) : item;
        String description = FeedHtml.clean(withGuid.description());
        String content = FeedHtml.clean(withGuid.content());
        return description.equals(withGuid.description()) && content.equals(withGuid.content())
                ? withGuid : withGuid.toBuilder().description(description).content(content).build();
    }
}
