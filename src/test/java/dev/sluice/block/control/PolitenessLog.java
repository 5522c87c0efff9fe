package dev.sluice.block.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stand-in upstream's dispatcher that answers slowly and logs, per {@code Host} header, how many
 * requests were in flight at once: the evidence for per-host politeness.
 */
final class PolitenessLog extends Dispatcher {
    private final long delayMs;
    private final Function<String, MockResponse> answers;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    private final AtomicInteger allInFlight = new AtomicInteger();
    private final AtomicInteger maxAllInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    /** Answers each path with {@code answers} after {@code delayMs}; paths starting "/index" answer at once. */
    PolitenessLog(long delayMs, Function<String, MockResponse> answers) {
        this.delayMs = delayMs;
        this.answers = answers;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getPath() == null ? "" : request.getPath();
        if (path.startsWith("/index")) {
            return answers.apply(path);
        }
        requests.incrementAndGet();
        String host = request.getHeader("Host");
        int now = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        maxInFlight.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        maxAllInFlight.accumulateAndGet(allInFlight.incrementAndGet(), Math::max);
        try {
            TimeUnit.MILLISECONDS.sleep(delayMs);
            return answers.apply(path);
        } finally {
            allInFlight.decrementAndGet();
            inFlight.get(host).decrementAndGet();
        }
    }

    /** The most requests in flight at once for each Host header seen. */
    Map<String, Integer> maxInFlightPerHost() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        maxInFlight.forEach((h, n) -> out.put(h, n.get()));
        return out;
    }

    int maxInFlightOverall() {
        return maxAllInFlight.get();
    }

    int requests() {
        return requests.get();
    }
}
