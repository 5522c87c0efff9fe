package dev.sluice.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand: starts at the real now, advances only when told. */
public final class TestClock implements InstantSource {
    private volatile Instant now = Instant.now();

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }
}
