package dev.sluice.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link HostPoliteness} for one process. Per host: a fair semaphore of in-flight slots, the
 * earliest next start (spacing), a Retry-After pause and a failure back-off. The host map is a
 * bounded Caffeine cache; an idle host is forgotten after a while, but never while it is paused.
 */
public final class InMemoryHostPoliteness implements HostPoliteness {

    private static final long IDLE_NANOS = Duration.ofMinutes(10).toNanos();
    private static final int MAX_HOSTS = 10_000;
    /** Doubling stops here: 2^20 times the start is far beyond any sensible cap. */
    private static final int MAX_DOUBLINGS = 20;

    private final int maxInFlight;
    private final long spacingNanos;
    private final long backoffStartNanos;
    private final long backoffCapNanos;
    private final Cache<String, HostState> hosts;

    public InMemoryHostPoliteness(FetchConfig config) {
        this.maxInFlight = config.maxInFlightPerHost();
        this.spacingNanos = config.hostSpacing().toNanos();
        this.backoffStartNanos = config.backoffStart().toNanos();
        this.backoffCapNanos = config.backoffCap().toNanos();
        this.hosts = Caffeine.newBuilder().executor(Runnable::run).maximumSize(MAX_HOSTS)
                .expireAfter(new KeepWhileHeld()).build();
    }

    @Override
    public Admission admit(String host, long deadlineNanos) throws InterruptedException {
        HostState state = hosts.get(host, h -> new HostState(maxInFlight));
        Denied blocked = state.blockedBeyond(deadlineNanos);
        if (blocked != null) {
            return blocked;
        }
        long now = System.nanoTime();
        if (!state.slots.tryAcquire(Math.max(0, deadlineNanos - now), TimeUnit.NANOSECONDS)) {
            return new Denied(Reason.BUSY, Duration.ZERO);
        }
        long start;
        synchronized (state) {
            now = System.nanoTime();
            start = Math.max(now, Math.max(state.nextStart, Math.max(state.pausedUntil, state.backoffUntil)));
            if (start - deadlineNanos > 0) {
                state.slots.release();
                Reason reason = start == state.pausedUntil ? Reason.PAUSED
                        : start == state.backoffUntil ? Reason.BACKING_OFF : Reason.BUSY;
                return new Denied(reason, Duration.ofNanos(start - now));
            }
            state.nextStart = start + spacingNanos;
        }
        try {
            sleepUntil(start);
        } catch (InterruptedException e) {
            state.slots.release();
            throw e;
        }
        return new Granted(new SlotPermit(state.slots));
    }

    @Override
    public void pause(String host, Duration duration) {
        HostState state = hosts.get(host, h -> new HostState(maxInFlight));
        synchronized (state) {
            state.pausedUntil = later(state.pausedUntil, System.nanoTime() + duration.toNanos());
        }
        hosts.put(host, state); // recomputes its expiry: a paused host must not be forgotten early
    }

    @Override
    public void succeeded(String host) {
        HostState state = hosts.getIfPresent(host);
        if (state != null) {
            synchronized (state) {
                state.failures = 0;
                state.backoffUntil = System.nanoTime();
            }
        }
    }

    @Override
    public void failed(String host) {
        HostState state = hosts.get(host, h -> new HostState(maxInFlight));
        synchronized (state) {
            state.failures++;
            // One failure is bad luck; from the second in a row on, wait start, 2×start, 4×start… up to the cap.
            if (state.failures >= 2) {
                int doublings = Math.min(state.failures - 2, MAX_DOUBLINGS);
                long backoff = Math.min(backoffCapNanos, backoffStartNanos << doublings);
                state.backoffUntil = later(state.backoffUntil, System.nanoTime() + backoff);
            }
        }
        hosts.put(host, state);
    }

    private static long later(long a, long b) {
        return a - b > 0 ? a : b;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    /** One host's state; the times are {@link System#nanoTime()} values guarded by {@code this}. */
    private static final class HostState {
        final Semaphore slots;
        long nextStart;
        long pausedUntil;
        long backoffUntil;
        int failures;

        HostState(int maxInFlight) {
            this.slots = new Semaphore(maxInFlight, true);
            long now = System.nanoTime();
            this.nextStart = now;
            this.pausedUntil = now;
            this.backoffUntil = now;
        }

        /** A denial when a pause or back-off outlasts the deadline, else null. */
        synchronized Denied blockedBeyond(long deadlineNanos) {
            long now = System.nanoTime();
            if (pausedUntil - deadlineNanos > 0) {
                return new Denied(Reason.PAUSED, Duration.ofNanos(pausedUntil - now));
            }
            if (backoffUntil - deadlineNanos > 0) {
                return new Denied(Reason.BACKING_OFF, Duration.ofNanos(backoffUntil - now));
            }
            return null;
        }

        synchronized long heldUntil() {
            return later(pausedUntil, backoffUntil);
        }
    }

    private static final class SlotPermit implements Permit {
        private final Semaphore slots;
        private final AtomicBoolean released = new AtomicBoolean();

        SlotPermit(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }

    /** Forget a host after it has been idle a while, but not before its pause or back-off ends. */
    private static final class KeepWhileHeld implements Expiry<String, HostState> {
        @Override
        public long expireAfterCreate(String host, HostState state, long now) {
            return Math.max(IDLE_NANOS, state.heldUntil() - now + IDLE_NANOS);
        }

        @Override
        public long expireAfterUpdate(String host, HostState state, long now, long current) {
            return expireAfterCreate(host, state, now);
        }

        @Override
        public long expireAfterRead(String host, HostState state, long now, long current) {
            return expireAfterCreate(host, state, now);
        }
    }
}
