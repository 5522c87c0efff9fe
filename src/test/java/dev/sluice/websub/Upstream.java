package dev.sluice.websub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** An upstream RSS feed on loopback whose items (and build date) the test changes. */
final class Upstream implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final AtomicReference<String> rss = new AtomicReference<>();

    Upstream(String... titles) {
        items("Mon, 01 Jan 2024 00:00:00 GMT", titles);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(rss.get());
            }
        });
        try {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return server.url("/feed.xml").toString();
    }

    /** The feed from now on: these items (newest first), and this channel build date. */
    void items(String buildDate, String... titles) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Upstream</title>"
                + "<link>https://news.example/</link><description>built " + buildDate + "</description><lastBuildDate>"
                + buildDate + "</lastBuildDate>");
        int day = 28;
        for (String title : List.of(titles)) {
            String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            sb.append("<item><title>").append(title).append("</title><link>https://news.example/").append(slug)
                    .append("</link><guid>https://news.example/").append(slug).append("</guid><pubDate>")
                    .append(String.format("%02d", day--)).append(" Feb 2024 10:00:00 GMT</pubDate></item>");
        }
        rss.set(sb.append("</channel></rss>").toString());
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
