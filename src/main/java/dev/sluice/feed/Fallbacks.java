package dev.sluice.feed;

import java.time.Instant;

/**
 * The values written when a feed lacks something a format requires: readers and the W3C
 * validator reject empty titles, links and descriptions. Never the current time: the same feed
 * must always produce the same bytes, or every poll would see a changed ETag.
 */
final class Fallbacks {

    static final String CHANNEL_TITLE = "Sluice pipe";
    static final String ITEM_TITLE = "Untitled item";
    /** Atom requires an updated date; for a feed with no dates at all, a fixed one. */
    static final Instant NO_DATE = Instant.EPOCH;

    private Fallbacks() {
    }

    static String channelTitle(Channel channel) {
        return channel.title().isBlank() ? CHANNEL_TITLE : channel.title();
    }

    static String channelLink(Channel channel, WriteOptions options) {
        if (!channel.link().isBlank()) {
            return channel.link();
        }
        return options.siteUrl().isEmpty() ? options.selfUrl() : options.siteUrl();
    }

    static String channelDescription(Channel channel) {
        return channel.description().isBlank() ? channelTitle(channel) : channel.description();
    }

    /** The newest item date, else the channel's updated date, else null. */
    static Instant newest(Feed feed) {
        Instant newest = null;
        for (Item item : feed.items()) {
            Instant date = item.updated() != null ? item.updated() : item.published();
            if (date != null && (newest == null || date.isAfter(newest))) {
                newest = date;
            }
        }
        return newest != null ? newest : feed.channel().updated();
    }

    /** An item title; the fallback only when the item has neither title nor description. */
    static String itemTitle(Item item) {
        if (!item.title().isBlank() || !item.description().isBlank()) {
            return item.title();
        }
        return ITEM_TITLE;
    }

    static boolean isHttpUrl(String s) {
        return s.startsWith("https://") || s.startsWith("http://");
    }
}
