package dev.sluice.output;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Moves cached renderings into direct buffers ({@link RenderedFeed#offHeap()}) on a thread of its
 * own, after the request that wrote them has its answer. The entry is replaced only while it is
 * still the rendering that was cached: a newer one put meanwhile stays. When the queue is full
 * the move is skipped; the heap form answers as well, only with a copy per request.
 */
final class OffHeapMoves<K> implements AutoCloseable {
    private static final int QUEUED = 64;

    private final Cache<K, RenderedFeed> cache;
    private final Executor mover;

    OffHeapMoves(Cache<K, RenderedFeed> cache) {
        this(cache, new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED),
                Thread.ofPlatform().name("rendering-off-heap").daemon().factory(), new ThreadPoolExecutor.DiscardPolicy()));
    }

    /** With moves run by {@code mover} (tests run them when they choose). */
    OffHeapMoves(Cache<K, RenderedFeed> cache, Executor mover) {
        this.cache = cache;
        this.mover = mover;
    }

    /** Caches {@code rendered} at {@code key} as it is, and queues its move off the heap. */
    void put(K key, RenderedFeed rendered) {
        cache.put(key, rendered);
        if (!rendered.body().isDirect()) {
            mover.execute(() -> move(key, rendered));
        }
    }

    /** Copies outside the cache's lock, then swaps only if the entry is still the same rendering. */
    private void move(K key, RenderedFeed rendered) {
        if (cache.asMap().get(key) != rendered) {
            return;
        }
        RenderedFeed moved = rendered.offHeap();
        cache.asMap().computeIfPresent(key, (k, cached) -> cached == rendered ? moved : cached);
    }

    @Override
    public void close() {
        if (mover instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }
}
