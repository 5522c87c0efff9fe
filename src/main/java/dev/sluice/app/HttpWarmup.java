package dev.sluice.app;

import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.FetchOutcome;
import dev.sluice.fetch.HttpDownloader;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The second half of the start-up warm-up: a downloader of the real kind fetches from this very
 * server over loopback for a moment, so that the first reader meets compiled code in the HTTP
 * client (which fetches the upstream feeds) and in the server (reading the request, routing,
 * writing the answer). On a fresh server the first cold feed request spent ~50 ms in
 * interpreted Jetty and Javalin code before reaching the pipe, and its fetches took ~100 ms longer
 * than the upstreams' own latency. The downloader is private to this: it alone may reach loopback,
 * its cache is small, and every URL differs, so that each fetch goes over the network.
 */
final class HttpWarmup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpWarmup.class);
    /**
     * A sizeable static answer (the editor's canvas), a page (routing, the before and after
     * handlers, a template) and the liveness check; all answer 200, so the downloader logs nothing.
     */
    private static final String[] PATHS = {"/static/editor/canvas.js", "/login", "/healthz"};

    private HttpWarmup() {
    }

    /**
     * Fetches until {@code requests} are done or {@code budget} is spent; never throws.
     *
     * @return how many fetches were answered
     */
    static int run(int port, int requests, Duration budget) {
        long began = System.nanoTime();
        long until = began + budget.toNanos();
        FetchConfig config = FetchConfig.defaults("Sluice warm-up").withAllowPrivateNetworks(true)
                .withHostSpacing(Duration.ZERO).withCacheBytes(256 * 1024);
        int done = 0;
        int answered = 0;
        try (HttpDownloader downloader = new HttpDownloader(config, InstantSource.system())) {
            String base = "http://127.0.0.1:" + port;
            while (done < requests && System.nanoTime() < until) {
                if (downloader.fetch(base + PATHS[done % PATHS.length] + "?warm-up=" + done, Duration.ofSeconds(5))
                        instanceof FetchOutcome.Fetched) {
                    answered++;
                }
                done++;
            }
            LOG.info("warm-up over HTTP: {} fetches ({} answered) in {} ms", done, answered, (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("warm-up over HTTP stopped after {} fetches: {}", done, e.toString());
        }
        return answered;
    }
}
