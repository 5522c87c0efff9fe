package dev.sluice.websub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A WebSub subscriber's callback on loopback: answers verification GETs by echoing
 * {@code hub.challenge} (or, when told, something else), takes deliveries (POSTs) with a chosen
 * status, and keeps every request it got for the test to look at.
 */
final class Subscriber implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final MockWebServer server = new MockWebServer();
    final BlockingQueue<RecordedRequest> verifications = new LinkedBlockingQueue<>();
    final BlockingQueue<RecordedRequest> deliveries = new LinkedBlockingQueue<>();
    final AtomicInteger requests = new AtomicInteger();
    /** null: echo the challenge; else answer this instead. */
    volatile String answer;
    volatile int deliveryStatus = 200;

    Subscriber() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                if ("GET".equals(request.getMethod())) {
                    verifications.add(request);
                    String challenge = request.getRequestUrl().queryParameter("hub.challenge");
                    return new MockResponse().setBody(answer != null ? answer : challenge == null ? "" : challenge);
                }
                deliveries.add(request);
                return new MockResponse().setResponseCode(deliveryStatus);
            }
        });
        try {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String callback(String path) {
        return server.url(path).toString();
    }

    RecordedRequest nextVerification() {
        return take(verifications, "a verification request");
    }

    RecordedRequest nextDelivery() {
        return take(deliveries, "a delivery");
    }

    private static RecordedRequest take(BlockingQueue<RecordedRequest> queue, String what) {
        try {
            RecordedRequest r = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("The subscriber got no " + what + " within " + WAIT.toSeconds() + " s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
