package dev.sluice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * The three upstream servers of the shared bench setup, on loopback: fast (answers at once),
 * slow (200 ms before the body) and trickle (1 KiB every 100 ms). They bind 0.0.0.0, so
 * 127.0.0.1 … 127.0.0.8 all reach them and each bench feed has its own host, as in the bench
 * pipes. Counts requests per path so tests can assert what reached the upstream.
 */
public final class BenchServer implements AutoCloseable {
    private final MockWebServer fast = new MockWebServer();
    private final MockWebServer slow = new MockWebServer();
    private final MockWebServer trickle = new MockWebServer();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    public BenchServer() {
        try {
            InetAddress any = InetAddress.getByName("0.0.0.0");
            fast.setDispatcher(dispatcher(0, false));
            slow.setDispatcher(dispatcher(200, false));
            trickle.setDispatcher(dispatcher(0, true));
            fast.start(any, 0);
            slow.start(any, 0);
            trickle.start(any, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the bench ports 8701/8702/8703 in a pipe to this server's ports. */
    public String rewrite(String json) {
        return json.replace(":8701/", ":" + fast.getPort() + "/")
                .replace(":8702/", ":" + slow.getPort() + "/")
                .replace(":8703/", ":" + trickle.getPort() + "/");
    }

    /** URL of a file on the fast server at host 127.0.0.{host}. */
    public String fastUrl(int host, String file) {
        return "http://127.0.0." + host + ":" + fast.getPort() + "/" + file;
    }

    public String trickleUrl(int host, String file) {
        return "http://127.0.0." + host + ":" + trickle.getPort() + "/" + file;
    }

    /** Replaces what a path serves (on every server), e.g. to simulate an upstream that changed. */
    public void serve(String file, byte[] body) {
        bodies.put(file, body);
    }

    public int hits(String file) {
        AtomicInteger n = hits.get(file);
        return n == null ? 0 : n.get();
    }

    private Dispatcher dispatcher(long delayMs, boolean trickleBody) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String file = request.getPath() == null ? "" : request.getPath().replaceFirst("^/", "").replaceFirst("\\?.*$", "");
                hits.computeIfAbsent(file, k -> new AtomicInteger()).incrementAndGet();
                byte[] body = bodies.get(file);
                if (body == null) {
                    try {
                        body = BenchFeeds.feed(file);
                    } catch (RuntimeException e) {
                        return new MockResponse().setResponseCode(404).setBody("no such file");
                    }
                }
                if (body.length == 0) {
                    return new MockResponse().setResponseCode(500).setBody("upstream broken");
                }
                MockResponse r = new MockResponse().setResponseCode(200)
                        .setHeader("Content-Type", "application/xml; charset=utf-8")
                        .setBody(new Buffer().write(body));
                if (delayMs > 0) {
                    r.setHeadersDelay(delayMs, TimeUnit.MILLISECONDS);
                }
                if (trickleBody) {
                    r.throttleBody(1024, 100, TimeUnit.MILLISECONDS);
                }
                return r;
            }
        };
    }

    @Override
    public void close() {
        for (MockWebServer s : new MockWebServer[] {fast, slow, trickle}) {
            try {
                s.shutdown();
            } catch (IOException e) {
                // shutting down a test server: nothing to do
            }
        }
    }
}
