package dev.sluice.block.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stand-in for RSS-Bridge and rssbox on loopback: answers every request with a small Atom feed
 * whose title names the request, and keeps the exact paths it received.
 */
final class GatewayStandIn implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    GatewayStandIn() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getPath());
                return new MockResponse().setHeader("Content-Type", "application/atom+xml; charset=utf-8")
                        .setBody(atom(request.getPath()));
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base URL on this stand-in, e.g. {@code http://127.0.0.1:1234/bridge/}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    /** The request paths (with queries, exactly as received) in arrival order. */
    List<String> paths() {
        return List.copyOf(paths);
    }

    private static String atom(String path) {
        String escaped = path.replace("&", "&amp;").replace("<", "&lt;");
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Gateway " + escaped + "</title><id>urn:gateway</id><updated>2024-06-30T10:00:00Z</updated>"
                + entry("1", "First post") + entry("2", "Second post") + "</feed>";
    }

    private static String entry(String id, String title) {
        return "<entry><id>urn:post:" + id + "</id><title>" + title + "</title>"
                + "<link href=\"https://example.org/post/" + id + "\"/><updated>2024-06-30T0" + id + ":00:00Z</updated>"
                + "<content type=\"html\">Body " + id + "</content></entry>";
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
