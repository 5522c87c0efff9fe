package dev.sluice.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the shared downloader. {@link #defaults(String)} gives the production
 * values; tests and the app's configuration adjust single fields with the {@code with…} methods.
 *
 * @param allowPrivateNetworks let fetches reach loopback/private/link-local addresses (tests, intranets)
 * @param hostSpacing          minimum time between request starts to one host; zero disables
 * @param cacheBytes           weight bound of the download cache (body bytes)
 * @param bodyCap              largest body accepted, counted after decompression
 * @param connectTimeout       TCP/TLS connect timeout
 * @param maxFetchTime         longest a fetch may take, redirects and body included
 * @param freshFor             how long a download is served without asking the upstream again
 *                             (longer when the upstream's Cache-Control/Expires says so)
 * @param keepStaleFor         how long past its freshness a download is kept for stale-if-error
 * @param errorTtl             how long a failure is remembered so a failing URL is not hammered
 * @param maxRedirects         redirects followed per fetch
 * @param maxInFlightPerHost   concurrent requests to one upstream host
 * @param backoffStart         pause of a host after its second failure in a row; doubles after that
 * @param backoffCap           longest pause of a failing host
 * @param userAgent            the User-Agent header sent upstream
 */
public record FetchConfig(
        boolean allowPrivateNetworks,
        Duration hostSpacing,
        long cacheBytes,
        long bodyCap,
        Duration connectTimeout,
        Duration maxFetchTime,
        Duration freshFor,
        Duration keepStaleFor,
        Duration errorTtl,
        int maxRedirects,
        int maxInFlightPerHost,
        Duration backoffStart,
        Duration backoffCap,
        String userAgent) {

    public static final long MIB = 1024L * 1024L;

    public FetchConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        requireNotNegative(hostSpacing, "hostSpacing");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(maxFetchTime, "maxFetchTime");
        requireNotNegative(freshFor, "freshFor");
        requireNotNegative(keepStaleFor, "keepStaleFor");
        requireNotNegative(errorTtl, "errorTtl");
        requirePositive(backoffStart, "backoffStart");
        requirePositive(backoffCap, "backoffCap");
        if (cacheBytes < 0 || bodyCap <= 0 || bodyCap > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cacheBytes must be >= 0 and bodyCap in 1.." + (Integer.MAX_VALUE - 8));
        }
        if (maxRedirects < 0 || maxInFlightPerHost < 1) {
            throw new IllegalArgumentException("maxRedirects must be >= 0 and maxInFlightPerHost >= 1");
        }
    }

    /** The production defaults with the given User-Agent. */
    public static FetchConfig defaults(String userAgent) {
        return new FetchConfig(false, Duration.ofMillis(500), 256 * MIB, 10 * MIB,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofHours(24),
                Duration.ofSeconds(60), 5, 2, Duration.ofSeconds(1), Duration.ofMinutes(5), userAgent);
    }

    /** The User-Agent: {@code Sluice/<version> (+<base url>)}. */
    public static String userAgent(String version, String baseUrl) {
        return "Sluice/" + version + " (+" + baseUrl + ")";
    }

    public FetchConfig withAllowPrivateNetworks(boolean allow) {
        return new FetchConfig(allow, hostSpacing, cacheBytes, bodyCap, connectTimeout, maxFetchTime, freshFor,
                keepStaleFor, errorTtl, maxRedirects, maxInFlightPerHost, backoffStart, backoffCap, userAgent);
    }

    public FetchConfig withHostSpacing(Duration spacing) {
        return new FetchConfig(allowPrivateNetworks, spacing, cacheBytes, bodyCap, connectTimeout, maxFetchTime,
                freshFor, keepStaleFor, errorTtl, maxRedirects, maxInFlightPerHost, backoffStart, backoffCap, userAgent);
    }

    public FetchConfig withCacheBytes(long bytes) {
        return new FetchConfig(allowPrivateNetworks, hostSpacing, bytes, bodyCap, connectTimeout, maxFetchTime,
                freshFor, keepStaleFor, errorTtl, maxRedirects, maxInFlightPerHost, backoffStart, backoffCap, userAgent);
    }

    public FetchConfig withBodyCap(long bytes) {
        return new FetchConfig(allowPrivateNetworks, hostSpacing, cacheBytes, bytes, connectTimeout, maxFetchTime,
                freshFor, keepStaleFor, errorTtl, maxRedirects, maxInFlightPerHost, backoffStart, backoffCap, userAgent);
    }

    public FetchConfig withMaxFetchTime(Duration time) {
        return new FetchConfig(allowPrivateNetworks, hostSpacing, cacheBytes, bodyCap, connectTimeout, time,
                freshFor, keepStaleFor, errorTtl, maxRedirects, maxInFlightPerHost, backoffStart, backoffCap, userAgent);
    }

    public FetchConfig withFreshFor(Duration fresh) {
        return new FetchConfig(allowPrivateNetworks, hostSpacing, cacheBytes, bodyCap, connectTimeout, maxFetchTime,
                fresh, keepStaleFor, errorTtl, maxRedirects, maxInFlightPerHost, backoffStart, backoffCap, userAgent);
    }

    public FetchConfig withErrorTtl(Duration ttl) {
        return new FetchConfig(allowPrivateNetworks, hostSpacing, cacheBytes, bodyCap, connectTimeout, maxFetchTime,
                freshFor, keepStaleFor, ttl, maxRedirects, maxInFlightPerHost, backoffStart, backoffCap, userAgent);
    }

    public FetchConfig withMaxInFlightPerHost(int max) {
        return new FetchConfig(allowPrivateNetworks, hostSpacing, cacheBytes, bodyCap, connectTimeout, maxFetchTime,
                freshFor, keepStaleFor, errorTtl, maxRedirects, max, backoffStart, backoffCap, userAgent);
    }

    public FetchConfig withBackoff(Duration start, Duration cap) {
        return new FetchConfig(allowPrivateNetworks, hostSpacing, cacheBytes, bodyCap, connectTimeout, maxFetchTime,
                freshFor, keepStaleFor, errorTtl, maxRedirects, maxInFlightPerHost, start, cap, userAgent);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
