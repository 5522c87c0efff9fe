package dev.sluice.output;

import dev.sluice.feed.Feed;
import dev.sluice.feed.FeedWriter;
import dev.sluice.feed.OutputFormat;
import dev.sluice.feed.WriteOptions;
import dev.sluice.model.StoredPipe;

/**
 * Writes a pipe's result in one format with the addresses it names: its own URL (with the feed
 * key when the pipe is private), the pipe's page, and, for public feeds, the WebSub hub (in the
 * feed and in the {@code Link} header). A data output is written as data.
 */
final class OutputRenderer {
    private final FeedWriter writer = new FeedWriter();
    private final String baseUrl;
    /** The WebSub hub public feeds name, or null for none. */
    private volatile String hubUrl;

    OutputRenderer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void nameHub(String hubUrl) {
        this.hubUrl = hubUrl;
    }

    RenderedFeed render(StoredPipe pipe, OutputFormat format, RunKey key, FeedResult result) {
        if (result.isData()) {
            DataFormats.Rendered data = DataFormats.render(result.data(), format);
            return RenderedFeed.of(data.body(), data.contentType(), result.changedAt(), result);
        }
        String self = selfUrl(pipe, format, key.paramsKey());
        Feed feed = result.feed();
        if (feed.channel().title().isBlank()) {
            feed = feed.withChannel(feed.channel().withTitle(pipe.title().isBlank() ? "Sluice pipe " + pipe.id() : pipe.title()));
        }
        // Only public feeds name the hub: it takes subscriptions to those alone.
        String hub = pipe.isPublic() && format != OutputFormat.TEXT ? hubUrl : null;
        byte[] body = writer.write(feed, format, new WriteOptions(self, pageUrl(pipe), "Sluice", hub == null ? "" : hub));
        String links = hub == null ? null : "<" + hub + ">; rel=\"hub\", <" + self + ">; rel=\"self\"";
        return RenderedFeed.of(body, format.contentType(), result.changedAt(), result, links);
    }

    /** The canonical URL of a pipe's output in {@code format} for declared parameters {@code paramsKey}. */
    String selfUrl(StoredPipe pipe, OutputFormat format, String paramsKey) {
        String q = paramsKey;
        if (!pipe.isPublic()) {
            q = q.isEmpty() ? "key=" + pipe.feedKey() : q + "&key=" + pipe.feedKey();
        }
        return baseUrl + "/feed/" + pipe.id() + "." + format.extension() + (q.isEmpty() ? "" : "?" + q);
    }

    /** The public URL of a pipe's feed in a format, with its key when private. */
    String feedUrl(StoredPipe pipe, OutputFormat format) {
        return selfUrl(pipe, format, "");
    }

    String pageUrl(StoredPipe pipe) {
        return baseUrl + "/pipe/" + pipe.id();
    }
}
