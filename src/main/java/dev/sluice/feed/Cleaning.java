package dev.sluice.feed;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Readying a feed's items for writing ({@link FeedWriter}: a GUID for items built without one,
 * the HTML cleaned by {@link FeedHtml}), shared out in small chunks among whoever helps: the
 * common pool's workers, started at once, and the thread that later calls {@link #finish()}.
 *
 * <p>Cleaning is most of the cost of writing a feed the first time (tens of microseconds a text,
 * thousands of texts in a large pipe). Every helper claims the next chunk nobody has taken, so
 * no two threads clean the same item: two passes over the same items in the same order would
 * meet on the same entries of the cleaned-text cache and wait for each other, item after item.
 */
public final class Cleaning {

    /** From how many items cleaning is worth spreading over the cores. */
    static final int PARALLEL_FROM = 64;
    private static final int CHUNK = 8;

    private final List<Item> items;
    private final Item[] ready;
    private final int chunks;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final CountDownLatch chunksDone;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Feed feed;

    private Cleaning(Feed feed) {
        this.feed = feed;
        this.items = feed.items();
        this.ready = new Item[items.size()];
        this.chunks = (items.size() + CHUNK - 1) / CHUNK;
        this.chunksDone = new CountDownLatch(chunks);
    }

    /**
     * Starts readying {@code feed}: a long one on the common pool's workers at once (they only
     * ever clean text here, which never blocks), a short one only when {@link #finish()} is called.
     */
    public static Cleaning start(Feed feed) {
        Cleaning cleaning = new Cleaning(feed);
        if (feed.items().size() >= PARALLEL_FROM) {
            Executor pool = ForkJoinPool.commonPool();
            int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), cleaning.chunks - 1);
            for (int i = 0; i < helpers; i++) {
                pool.execute(cleaning::help);
            }
        }
        return cleaning;
    }

    /**
     * The feed with every item ready (the same feed when nothing had to change): the calling
     * thread cleans what no helper has taken yet, then waits for the chunks still being cleaned.
     */
    public Feed finish() {
        help();
        try {
            chunksDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the feed's HTML was being cleaned", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        boolean changed = false;
        for (int i = 0; i < ready.length && !changed; i++) {
            changed = ready[i] != items.get(i);
        }
        return changed ? feed.withItems(Arrays.asList(ready)) : feed;
    }

    /** Claims and readies chunks until none is left. */
    private void help() {
        for (int chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
            try {
                for (int i = chunk * CHUNK, end = Math.min(ready.length, i + CHUNK); i < end; i++) {
                    ready[i] = ready(items.get(i));
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e); // a bug: reported by finish, not lost on a pool thread
            } finally {
                chunksDone.countDown();
            }
        }
    }

    private static Item ready(Item item) {
        Item withGuid = item.guid().isBlank() ? GuidPolicy.apply(item) : item;
        String description = FeedHtml.clean(withGuid.description());
        String content = FeedHtml.clean(withGuid.content());
        return description.equals(withGuid.description()) && content.equals(withGuid.content())
                ? withGuid : withGuid.toBuilder().description(description).content(content).build();
    }
}
