package dev.sluice.fetch;

import java.time.Duration;

/**
 * The one downloader every block shares: SSRF-guarded, cached, polite per upstream host.
 * Implementations never throw for upstream problems; they return {@link FetchOutcome.Failed}.
 */
public interface Downloader {

    /**
     * Fetches {@code url}, giving up after {@code budget} (the time left in the run; the
     * downloader applies its own, shorter timeouts too).
     */
    FetchOutcome fetch(String url, Duration budget);
}
