package dev.sluice.block.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A stand-in news site on loopback for the Full text tests: the article fixtures of
 * {@code src/test/resources/fulltext/} under {@code /article/<file>}, the pages that go wrong
 * ({@code /huge}, {@code /report.pdf}, {@code /data.json}, {@code /missing}, {@code /broken},
 * {@code /slow}), and a feed at {@code /feed.xml} set by the test. It listens on every loopback
 * address, so 127.0.0.2 and 127.0.0.3 are other hosts of it, and it counts requests per path and
 * the most articles in flight at once per {@code Host}.
 */
public final class ArticleServer implements AutoCloseable {
    /** Larger than the downloader's 10 MiB cap. */
    static final int HUGE_BYTES = 11 * 1024 * 1024;

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    private volatile String feed = "";
    private volatile long articleDelayMs;

    public ArticleServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        try {
            server.start(InetAddress.getByName("0.0.0.0"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://<host>:<port><path>}; host 127.0.0.1 unless another loopback address is given. */
    public String url(String host, String path) {
        return "http://" + host + ":" + server.getPort() + path;
    }

    public String url(String path) {
        return url("127.0.0.1", path);
    }

    /** Serves an RSS feed at /feed.xml whose items (title, link, description) are {@code items}. */
    public ArticleServer feed(List<List<String>> items) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local news</title>"
                + "<link>" + url("/") + "</link><description>d</description>");
        for (List<String> i : items) {
            rss.append("<item><title>").append(i.get(0)).append("</title><link>").append(i.get(1).replace("&", "&amp;"))
                    .append("</link><guid isPermaLink=\"false\">").append(i.get(0)).append("</guid><description>")
                    .append(i.get(2)).append("</description></item>");
        }
        feed = rss.append("</channel></rss>").toString();
        return this;
    }

    /** Every article answers this much later (the feed at once). */
    public ArticleServer articleDelay(long ms) {
        articleDelayMs = ms;
        return this;
    }

    /** Requests for {@code path} on any host. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests for articles (anything but the feed), all hosts together. */
    public int articleHits() {
        return hits.entrySet().stream().filter(e -> e.getKey().startsWith("/") && !e.getKey().startsWith("/feed.xml")).mapToInt(e -> e.getValue().get()).sum();
    }

    /** Requests with {@code Host} header {@code host}:port. */
    public int hitsOnHost(String host) {
        AtomicInteger n = hits.get("host " + host + ":" + server.getPort());
        return n == null ? 0 : n.get();
    }

    /** The most article requests in flight at once, per Host header. */
    public Map<String, Integer> maxInFlightPerHost() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        maxInFlight.forEach((h, n) -> out.put(h, n.get()));
        return out;
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String path = request.getPath() == null ? "" : request.getPath();
        String host = request.getHeader("Host");
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        hits.computeIfAbsent("host " + host, p -> new AtomicInteger()).incrementAndGet();
        if (path.startsWith("/feed.xml")) {
            return new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(feed);
        }
        int now = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        maxInFlight.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            if (articleDelayMs > 0) {
                closing.await(articleDelayMs, TimeUnit.MILLISECONDS);
            }
            return article(path);
        } finally {
            inFlight.get(host).decrementAndGet();
        }
    }

    private MockResponse article(String path) throws InterruptedException {
        if (path.startsWith("/article/")) {
            String file = path.substring("/article/".length()).replaceAll("\\?.*", "");
            return html(fixture(file.endsWith(".html") ? file : file + ".html"));
        }
        return switch (path) {
            case "/huge" -> {
                byte[] body = new byte[HUGE_BYTES];
                java.util.Arrays.fill(body, (byte) 'x');
                yield new MockResponse().setHeader("Content-Type", "text/html").setBody(new Buffer().write(body));
            }
            case "/report.pdf" -> new MockResponse().setHeader("Content-Type", "application/pdf").setBody("%PDF-1.7 not really");
            case "/data.json" -> new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"story\":\"no\"}");
            case "/missing" -> new MockResponse().setResponseCode(404).setBody("<html><body>Not found</body></html>");
            case "/broken" -> new MockResponse().setResponseCode(500).setBody("<html><body>Oops</body></html>");
            case "/slow" -> {
                closing.await(10, TimeUnit.SECONDS); // far past any test's run limit; released at close
                yield html(fixture("news.html"));
            }
            default -> new MockResponse().setResponseCode(404);
        };
    }

    private static MockResponse html(String body) {
        return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(body);
    }

    static String fixture(String file) {
        try (InputStream in = ArticleServer.class.getResourceAsStream("/fulltext/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        server.shutdown();
    }
}
