package dev.sluice.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A rendering is cached at once as written, on the heap, and answers from there; behind the
 * request it is moved into direct buffers with the same bytes, ETag and headers, unless a newer
 * rendering took its place meanwhile.
 */
class OffHeapMovesTest {
    private final Cache<String, RenderedFeed> cache = Caffeine.newBuilder().build();
    /** The moves queued, run when the test says. */
    private final java.util.List<Runnable> queued = new java.util.ArrayList<>();

    @Test
    void aRenderingIsCachedAsWrittenThenMovedOffTheHeapWithTheSameBytes() {
        byte[] xml = "<rss><channel><title>Moved</title></channel></rss>".repeat(500).getBytes(StandardCharsets.UTF_8);
        RenderedFeed written = RenderedFeed.of(xml, "application/rss+xml", Instant.EPOCH, null, "<https://hub>; rel=\"hub\"");
        assertFalse(written.body().isDirect(), "the request that wrote it answers from the heap");
        new OffHeapMoves<>(cache, queued::add).put("feed", written);
        assertSame(written, cache.getIfPresent("feed"), "cached at once, as written");
        queued.forEach(Runnable::run);
        RenderedFeed cached = cache.getIfPresent("feed");
        assertTrue(cached.body().isDirect() && cached.gzipped().isDirect(), "cached off the heap");
        assertTrue(cached.body().isReadOnly() && cached.gzipped().isReadOnly());
        assertArrayEquals(xml, cached.bytes());
        assertArrayEquals(bytes(written.gzipped()), bytes(cached.gzipped()));
        assertEquals(written.etag(), cached.etag());
        assertEquals(written.links(), cached.links());
        assertEquals(written.weight(), cached.weight());
    }

    @Test
    void aNewerRenderingIsNotOverwrittenByTheMoveOfAnOlderOne() {
        RenderedFeed older = RenderedFeed.of("<rss>old</rss>".getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                Instant.EPOCH, null);
        RenderedFeed newer = RenderedFeed.of("<rss>new</rss>".getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                Instant.EPOCH, null);
        new OffHeapMoves<>(cache, queued::add).put("feed", older);
        cache.put("feed", newer); // another request's rendering, put while the move waits
        queued.forEach(Runnable::run);
        assertSame(newer, cache.getIfPresent("feed"));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
