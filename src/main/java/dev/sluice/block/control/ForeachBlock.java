package dev.sluice.block.control;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.Options;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.block.input.FeedBlock;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Download;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.MediaType;

/**
 * For each input item, fetches the URL it names — its content (or description) when that is a URL,
 * else its link —
 * as a feed (all fetched items, in input order) or as a download (the item, with the body as its
 * content and the fetched URL as its link, as in Pipes CE). {@code userinputs}: [mode].
 *
 * <p>Pipes CE read the URL from the content only; the description and link are Sluice's fallbacks.
 * It wrapped a download's body in a broken CDATA marker, which is left out here, and it kept an
 * item whose download failed; here that item is skipped with a warning.
 *
 * <p>Fetches run concurrently on virtual threads, at most {@link #MAX_CONCURRENT} at once; the
 * shared downloader's per-host politeness still applies, so one slow host cannot be flooded.
 * A URL that fails is reported as a warning and skipped. When the run limit comes, the block
 * returns what it has and names how many URLs it did not get to.
 */
public final class ForeachBlock implements Block {
    static final int MODE = 0;
    /** Enough to overlap slow upstreams; more would only queue in the downloader's per-host slots. */
    static final int MAX_CONCURRENT = 8;

    public static final BlockType TYPE = new BlockType("ForeachBlock", "For Each", "Control",
            "Fetches the URL of every input item (its content if that is a URL, else its description or"
                    + " link): as a feed, giving all their items, or as a download, giving each item the page as"
                    + " its content and the URL as its link. A URL that fails is skipped with a warning.",
            List.of(OptionSpec.choice("For each item's URL", ForeachMode.FEED.key(), ForeachMode.keys())),
            1, Value.Kind.FEED, new ForeachBlock());

    private ForeachBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        ForeachMode mode = ForeachMode.of(call.options().text(MODE));
        if (mode == ForeachMode.TWEETS) {
            throw new BlockError(ForeachMode.TWITTER_GONE);
        }
        if (mode == ForeachMode.EMPTY) {
            throw new BlockError(ForeachMode.NO_ACTION);
        }
        Feed input = call.feed(0);
        List<Item> items = input.items();
        List<Future<List<Item>>> results = new ArrayList<>(items.size());
        int unfinished = 0;
        ExecutorService pool = Executors.newFixedThreadPool(MAX_CONCURRENT, Thread.ofVirtual().name("foreach-", 0).factory());
        try {
            for (Item item : items) {
                String url = urlOf(item);
                if (url.isEmpty()) {
                    ctx.warn("Skipped \"" + label(item) + "\": it names no URL");
                    results.add(null);
                } else {
                    results.add(pool.submit(() -> fetch(mode, item, url, call, ctx)));
                }
            }
            List<Item> out = new ArrayList<>();
            for (Future<List<Item>> result : results) {
                if (result != null) {
                    List<Item> got = await(result, ctx);
                    if (got == null) {
                        unfinished++;
                    } else {
                        out.addAll(got);
                    }
                }
            }
            if (unfinished > 0) {
                ctx.warn("Stopped at the run limit: " + unfinished + " of " + items.size() + " URLs were not fetched");
            }
            return new Value.Items(input.withItems(out));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The result of one fetch; null when it did not finish within the run limit. */
    private static List<Item> await(Future<List<Item>> result, RunContext ctx) {
        try {
            return result.get(ctx.deadline().untilEnd().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadlineExceeded("interrupted while fetching");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeadlineExceeded) {
                return null;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * What one URL contributes; a failure is a warning and contributes nothing. Running out of
     * time is not a failure of the URL: it propagates, and the caller counts the URL as missed.
     */
    private static List<Item> fetch(ForeachMode mode, Item item, String url, BlockCall call, RunContext ctx) {
        try {
            ctx.deadline().check();
            if (mode == ForeachMode.DOWNLOAD) {
                Download download = ctx.fetch(url);
                return List.of(item.toBuilder().content(text(download)).link(url).build());
            }
            BlockCall feedCall = new BlockCall(call.blockId(), call.blockName(), Options.NONE.with(0, url), List.of());
            Value feed = FeedBlock.TYPE.block().run(feedCall, ctx);
            return feed instanceof Value.Items fetched ? fetched.feed().items() : List.of();
        } catch (DeadlineExceeded e) {
            throw e;
        } catch (BlockError e) {
            // the downloader's and the Feed block's messages already name the URL
            ctx.warn(e.getMessage());
            return List.of();
        }
    }

    /**
     * The item's URL: its content when that is a bare http(s) URL, else its description (where RSS
     * feeds put the text Pipes CE read as content), else its link; "" when none is.
     */
    static String urlOf(Item item) {
        for (String candidate : new String[] {item.content(), item.description(), item.link()}) {
            String s = candidate.strip();
            if (isWebUrl(s)) {
                return s;
            }
        }
        return "";
    }

    private static boolean isWebUrl(String s) {
        return (s.startsWith("http://") || s.startsWith("https://")) && s.chars().noneMatch(Character::isWhitespace)
                && s.indexOf('<') < 0 && s.indexOf('"') < 0;
    }

    /** The body as text in the charset its Content-Type names, UTF-8 otherwise. */
    private static String text(Download download) {
        MediaType type = MediaType.parse(download.contentType());
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return new String(download.body(), charset);
    }

    private static String label(Item item) {
        return item.title().isBlank() ? item.guid() : item.title();
    }
}
