package dev.sluice.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;

/** Shared set-up: the functional test configuration and loopback upstreams. */
final class TestDownloaders {

    static final String USER_AGENT = FetchConfig.userAgent("test", "http://sluice.test");

    private TestDownloaders() {
    }

    /** Private networks allowed (the upstream is on loopback), no spacing, a short back-off. */
    static FetchConfig config() {
        return FetchConfig.defaults(USER_AGENT)
                .withAllowPrivateNetworks(true)
                .withHostSpacing(Duration.ZERO)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
    }

    /** A MockWebServer listening on {@code address} (127.0.0.1 unless the test needs another). */
    static MockWebServer upstream(String address) throws IOException {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getByName(address), 0);
        return server;
    }

    /** A resolver answering from a fixed table; unknown names fail like an NXDOMAIN. */
    static Resolver table(Map<String, String> names) {
        return host -> {
            String address = names.get(host);
            if (address == null) {
                throw new java.net.UnknownHostException(host + ": not in the test resolver");
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        };
    }

    /** {@code http://127.0.0.1:<port><path>} of {@code server}, without its reverse-DNS host name. */
    static String url(MockWebServer server, String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }
}
