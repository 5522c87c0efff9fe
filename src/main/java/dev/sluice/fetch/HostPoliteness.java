package dev.sluice.fetch;

import java.time.Duration;

/**
 * How hard Sluice may press one upstream host, shared by every user and run: requests in flight,
 * spacing between request starts, pauses the host asked for (Retry-After) and back-off after
 * repeated failures. An interface so that a multi-node install can keep this state in Redis
 * without touching the downloader.
 *
 * <p>Deadlines are {@link System#nanoTime()} values of the calling process.
 */
public interface HostPoliteness {

    /**
     * Waits until a request to {@code host} may start, but never past {@code deadlineNanos}:
     * when the host's pause, back-off, free slot or spacing cannot come in time it answers
     * {@link Denied} at once instead of waiting in vain.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Admission admit(String host, long deadlineNanos) throws InterruptedException;

    /** The host asked us to wait (429/503 with Retry-After): no request to it starts sooner. */
    void pause(String host, Duration duration);

    /** The host answered sensibly: its failure back-off is over. */
    void succeeded(String host);

    /** The host failed (5xx, network error, our timeout): repeated failures back off exponentially. */
    void failed(String host);

    /** Whether a request may start. */
    sealed interface Admission permits Granted, Denied {
    }

    /** Go ahead; close the permit when the response is fully read, so the next request can start. */
    record Granted(Permit permit) implements Admission {
    }

    /** Not within the deadline; {@code retryIn} is how long until the host could be asked again. */
    record Denied(Reason reason, Duration retryIn) implements Admission {
    }

    enum Reason {
        /** The host asked for a pause (Retry-After). */
        PAUSED,
        /** The host failed repeatedly and is being left alone for a while. */
        BACKING_OFF,
        /** All request slots for the host are taken, or its spacing pushes the start too late. */
        BUSY
    }

    /** One request slot; closing it more than once is harmless. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
