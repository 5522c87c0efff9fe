package dev.sluice.fetch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The real in-memory politeness, counting the failures reported to it (what feeds the back-off). */
final class CountingPoliteness implements HostPoliteness {

    private final HostPoliteness real;
    final AtomicInteger failures = new AtomicInteger();

    CountingPoliteness(FetchConfig config) {
        this.real = new InMemoryHostPoliteness(config);
    }

    @Override
    public Admission admit(String host, long deadlineNanos) throws InterruptedException {
        return real.admit(host, deadlineNanos);
    }

    @Override
    public void pause(String host, Duration duration) {
        real.pause(host, duration);
    }

    @Override
    public void succeeded(String host) {
        real.succeeded(host);
    }

    @Override
    public void failed(String host) {
        failures.incrementAndGet();
        real.failed(host);
    }
}
