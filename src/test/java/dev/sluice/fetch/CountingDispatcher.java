package dev.sluice.fetch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An upstream that takes {@code delayMillis} per request and records how many requests it
 * handled at once and when each arrived (System.nanoTime).
 */
final class CountingDispatcher extends Dispatcher {

    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final long delayMillis;
    private final Function<RecordedRequest, MockResponse> responder;

    CountingDispatcher(long delayMillis, Function<RecordedRequest, MockResponse> responder) {
        this.delayMillis = delayMillis;
        this.responder = responder;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        arrivals.add(System.nanoTime());
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(delayMillis);
            return responder.apply(request);
        } finally {
            concurrent.decrementAndGet();
        }
    }
}
