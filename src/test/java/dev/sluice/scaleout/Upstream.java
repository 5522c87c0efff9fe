package dev.sluice.scaleout;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A feed server on 127.0.0.1 that logs every request with its arrival time (System.nanoTime) and
 * answers after {@code delayMillis}: what the nodes really fetched, seen from the other side.
 */
final class Upstream extends Dispatcher implements AutoCloseable {
    record Arrival(long nanos, String path) {
    }

    final List<Arrival> log = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();
    private final long delayMillis;
    private final Function<String, String> body;

    /** @param body the RSS to answer for a request path */
    Upstream(long delayMillis, Function<String, String> body) throws IOException {
        this.delayMillis = delayMillis;
        this.body = body;
        server.setDispatcher(this);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    /** How many requests for {@code path} arrived. */
    long requestsFor(String path) {
        return log.stream().filter(a -> a.path().equals(path)).count();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        log.add(new Arrival(System.nanoTime(), request.getPath()));
        Thread.sleep(delayMillis);
        return new MockResponse().setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .setHeader("Cache-Control", "max-age=300")
                .setBody(body.apply(request.getPath()));
    }

    /** An RSS document whose items have these titles. */
    static String rss(String... titles) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Upstream</title>"
                + "<link>http://example.com/</link><description>d</description>");
        for (String t : titles) {
            sb.append("<item><title>").append(t).append("</title><link>http://example.com/").append(t)
                    .append("</link><guid>http://example.com/").append(t).append("</guid></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
