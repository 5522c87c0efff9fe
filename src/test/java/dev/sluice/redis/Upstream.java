package dev.sluice.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An upstream on 127.0.0.1 that answers after {@code delayMillis} and logs what it served:
 * when each request arrived (System.nanoTime), its path, and how many were in flight at most.
 */
final class Upstream extends Dispatcher implements AutoCloseable {
    record Arrival(long nanos, String path) {
    }

    final MockWebServer server = new MockWebServer();
    final List<Arrival> log = new CopyOnWriteArrayList<>();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final long delayMillis;
    private final Function<RecordedRequest, MockResponse> responder;

    Upstream(long delayMillis, Function<RecordedRequest, MockResponse> responder) throws IOException {
        this.delayMillis = delayMillis;
        this.responder = responder;
        server.setDispatcher(this);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    int requests() {
        return server.getRequestCount();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        log.add(new Arrival(System.nanoTime(), request.getPath()));
        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        try {
            Thread.sleep(delayMillis);
            return responder.apply(request);
        } finally {
            concurrent.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
