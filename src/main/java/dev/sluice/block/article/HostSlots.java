package dev.sluice.block.article;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many article fetches of one block run may be in flight: at most {@code perHost} to one
 * host, and {@code overall} in all. The downloader's own politeness applies on top, across runs;
 * these bounds keep one feed full of links to one site from queueing a crowd there.
 */
final class HostSlots {
    private final int perHost;
    private final Semaphore overall;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    HostSlots(int perHost, int overall) {
        this.perHost = perHost;
        this.overall = new Semaphore(overall, true);
    }

    /** A slot for {@code host}, waiting at most {@code patience}; false when none came in time. */
    boolean acquire(String host, Duration patience) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        Semaphore forHost = hosts.computeIfAbsent(host, h -> new Semaphore(perHost, true));
        // the host's slot first: a fetch waiting for its host holds no overall slot meanwhile
        if (!forHost.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        if (!overall.tryAcquire(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            forHost.release();
            return false;
        }
        return true;
    }

    void release(String host) {
        overall.release();
        hosts.get(host).release();
    }
}
