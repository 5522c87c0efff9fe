package dev.sluice.web;

import dev.sluice.ops.Prometheus;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics} for Prometheus. The figures say nothing about anyone's pipes,
 * but they describe the server's load, so they are served only to callers on this machine
 * (loopback) or presenting {@code Authorization: Bearer <SLUICE_METRICS_TOKEN>} when one is set.
 * Behind a reverse proxy on the same machine every caller looks local: block {@code /metrics}
 * at the proxy (README, Operations).
 */
final class MetricsRoute {
    static final String PATH = "/metrics";
    private final Prometheus prometheus;
    private final byte[] token;

    MetricsRoute(Prometheus prometheus, String token) {
        this.prometheus = prometheus;
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    void serve(Context ctx) {
        if (!allowed(ctx.req().getRemoteAddr(), ctx.header("Authorization"))) {
            throw new ApiError(403, "Metrics are served to this machine, or with the metrics token (SLUICE_METRICS_TOKEN)");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(prometheus.scrape());
    }

    /** Whether a caller at {@code remoteAddress} (a literal IP) presenting {@code authorization} may read. */
    boolean allowed(String remoteAddress, String authorization) {
        return loopback(remoteAddress) || bearerMatches(authorization);
    }

    private boolean bearerMatches(String header) {
        if (token == null || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String address) {
        try {
            // A literal address from the socket: no name lookup happens here.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
