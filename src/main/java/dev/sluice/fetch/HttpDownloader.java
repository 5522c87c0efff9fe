package dev.sluice.fetch;

import java.net.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import javax.net.SocketFactory;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared {@link Downloader} on OkHttp: URL check, cache, single-flight, then
 * {@link UpstreamFetch} for the network. Safe for any number of concurrent (virtual) threads.
 *
 * <p>Order of a call: refuse bad URLs and literal private addresses; answer from the cache while
 * fresh; answer a recent failure (or the stale copy) without asking again within the error TTL;
 * otherwise join or lead the one fetch of this URL, within min(budget, max fetch time). With a
 * {@link SharedDownloads} tier (several nodes), the leader first asks the other nodes
 * ({@link CrossNodeFlight}); without one, nothing on the way differs from a single node.
 */
public final class HttpDownloader implements Downloader, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpDownloader.class);

    private final FetchConfig config;
    private final InstantSource clock;
    private final UrlCheck urlCheck;
    private final DownloadCache cache;
    private final SingleFlight<String, FetchOutcome> flights = new SingleFlight<>();
    private final OkHttpClient client;
    private final UpstreamFetch upstream;
    /** Null on a single node. */
    private final CrossNodeFlight crossNode;

    /** The production downloader: system DNS, the policy {@code config} asks for, in-memory politeness. */
    public HttpDownloader(FetchConfig config, InstantSource clock) {
        this(builder(config).clock(clock));
    }

    private HttpDownloader(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        AddressPolicy policy = b.policy != null ? b.policy : AddressPolicy.of(config);
        this.urlCheck = new UrlCheck(policy);
        this.cache = new DownloadCache(config, clock, b.shared);
        this.crossNode = b.shared == null ? null : new CrossNodeFlight(b.shared, cache, clock);
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .dns(new GuardedDns(b.resolver, policy))
                .proxy(Proxy.NO_PROXY) // a proxy would resolve names itself, past the guard
                .followRedirects(false) // every hop is checked by UpstreamFetch
                .followSslRedirects(false)
                .retryOnConnectionFailure(false) // our retries are explicit and counted
                .addNetworkInterceptor(new ConnectionReuse()) // tells stale pooled connections from failures
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.maxFetchTime())
                .writeTimeout(config.maxFetchTime())
                .callTimeout(config.maxFetchTime());
        if (b.socketFactory != null) {
            http.socketFactory(b.socketFactory);
        }
        this.client = http.build();
        HostPoliteness politeness = b.politeness != null ? b.politeness : new InMemoryHostPoliteness(config);
        this.upstream = new UpstreamFetch(client, urlCheck, politeness, config, clock);
    }

    public static Builder builder(FetchConfig config) {
        return new Builder(config);
    }

    @Override
    public FetchOutcome fetch(String url, Duration budget) {
        UrlCheck.Verdict verdict = urlCheck.check(url);
        if (!verdict.allowed()) {
            return new FetchOutcome.Failed(verdict.refusal());
        }
        String key = verdict.url().toString();
        FetchLimit limit = null;
        while (true) {
            CachedEntry cached = cache.document(key);
            if (cached != null && cached.isFresh(clock.instant())) {
                FetchMetrics.cacheHit();
                return cached.hit();
            }
            FetchFailure recent = cache.recentFailure(key);
            if (recent != null) {
                return staleOr(cached, recent);
            }
            if (limit == null) {
                limit = FetchLimit.of(budget, config.maxFetchTime());
            }
            if (limit.passed()) {
                return staleOr(cached, new FetchFailure.TimedOut(key + ": no time left in the run to fetch it"));
            }
            FetchOutcome outcome = joinOrLead(verdict.url(), key, cached, limit);
            if (outcome != null) {
                return outcome;
            }
            // The flight we joined ran out of its own caller's shorter budget; ours has time left: go again.
        }
    }

    /** The outcome of the one flight for {@code key}; null when a joined flight timed out on another's budget. */
    private FetchOutcome joinOrLead(HttpUrl url, String key, CachedEntry cached, FetchLimit limit) {
        boolean[] led = {false};
        try {
            FetchOutcome outcome = flights.run(key, limit.deadlineNanos(), () -> {
                led[0] = true; // runs on this thread only when this caller leads
                return fetchAndStore(url, key, limit);
            });
            return led[0] || !timedOut(outcome) || limit.passed() ? outcome : null;
        } catch (TimeoutException e) {
            return staleOr(cached, new FetchFailure.TimedOut(key + ": no complete answer within " + limit.describe()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return staleOr(cached, new FetchFailure.TimedOut(key + ": interrupted"));
        }
    }

    private static boolean timedOut(FetchOutcome outcome) {
        return switch (outcome) {
            case FetchOutcome.Failed failed -> failed.failure() instanceof FetchFailure.TimedOut;
            case FetchOutcome.Fetched fetched -> fetched.staleBecause() instanceof FetchFailure.TimedOut;
        };
    }

    /** The leader's part of a single flight: the network trip and what it leaves in the cache. */
    private FetchOutcome fetchAndStore(HttpUrl url, String key, FetchLimit limit) {
        CachedEntry cached = cache.document(key); // re-read: a flight that just ended may have filled it
        if (cached != null && cached.isFresh(clock.instant())) {
            return cached.hit();
        }
        return crossNode == null ? fetchUpstream(url, key, cached, limit)
                : crossNode.run(key, cached, limit, best -> fetchUpstream(url, key, best, limit));
    }

    /** The network trip itself; what it brings is cached (and shared, with a shared tier). */
    private FetchOutcome fetchUpstream(HttpUrl url, String key, CachedEntry cached, FetchLimit limit) {
        long start = System.nanoTime();
        FetchOutcome outcome = switch (upstream.fetch(url, cached, limit)) {
            case UpstreamFetch.Fresh fresh -> {
                cache.store(key, CachedEntry.of(fresh.download(), fresh.lifetime(), config.keepStaleFor()));
                yield new FetchOutcome.Fetched(fresh.download(), FetchOutcome.Freshness.NETWORK, null);
            }
            case UpstreamFetch.NotModified same -> {
                if (cached == null) { // cannot happen: we only ask conditionally with a cached copy
                    yield new FetchOutcome.Failed(new FetchFailure.HttpStatus(key + ": unexpected HTTP 304", 304));
                }
                Instant now = clock.instant();
                CachedEntry confirmed = cached.revalidated(now, same.etag(), same.lastModified(), same.lifetime(),
                        config.keepStaleFor());
                cache.store(key, confirmed);
                yield new FetchOutcome.Fetched(confirmed.download(), FetchOutcome.Freshness.REVALIDATED, null);
            }
            case UpstreamFetch.Failure failed -> {
                if (failed.remember()) {
                    cache.rememberFailure(key, failed.failure());
                }
                yield staleOr(cached, failed.failure());
            }
        };
        log(key, outcome, start);
        FetchMetrics.trip(outcome, System.nanoTime() - start);
        return outcome;
    }

    /** One line per upstream trip (cache hits are not logged: they are the hot path). */
    private static void log(String url, FetchOutcome outcome, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        switch (outcome) {
            case FetchOutcome.Fetched fetched when fetched.staleBecause() == null -> LOG.info(
                    "fetch url={} outcome={} status={} bytes={} ms={}", url, fetched.freshness(),
                    fetched.download().status(), fetched.download().body().length, millis);
            case FetchOutcome.Fetched fetched -> LOG.warn("fetch url={} outcome=STALE failure={} ms={} reason=\"{}\"",
                    url, fetched.staleBecause().getClass().getSimpleName(), millis, fetched.staleBecause().message());
            case FetchOutcome.Failed failed -> LOG.warn("fetch url={} outcome=FAILED failure={} ms={} reason=\"{}\"",
                    url, failed.failure().getClass().getSimpleName(), millis, failed.failure().message());
        }
    }

    static FetchOutcome staleOr(CachedEntry cached, FetchFailure failure) {
        return cached != null ? cached.stale(failure) : new FetchOutcome.Failed(failure);
    }

    /** Closes idle connections; in-flight fetches finish normally. */
    @Override
    public void close() {
        client.connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
    }

    /** Wiring for the app (config, clock) and for tests (resolver, socket factory, policy). */
    public static final class Builder {
        private final FetchConfig config;
        private InstantSource clock = InstantSource.system();
        private Resolver resolver = Resolver.SYSTEM;
        private SocketFactory socketFactory;
        private AddressPolicy policy;
        private HostPoliteness politeness;
        private SharedDownloads shared;

        private Builder(FetchConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Name resolution behind the SSRF guard (default: the system resolver). */
        public Builder resolver(Resolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Creates the TCP sockets (default: the platform's); tests use it to watch connections. */
        public Builder socketFactory(SocketFactory socketFactory) {
            this.socketFactory = socketFactory;
            return this;
        }

        /** Which addresses may be fetched (default: {@link AddressPolicy#of(FetchConfig)}). */
        public Builder addressPolicy(AddressPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** Per-host politeness (default: {@link InMemoryHostPoliteness}); Redis-backed on a cluster. */
        public Builder politeness(HostPoliteness politeness) {
            this.politeness = politeness;
            return this;
        }

        /** Downloads shared with other nodes (default: none, this node alone). */
        public Builder shared(SharedDownloads shared) {
            this.shared = shared;
            return this;
        }

        public HttpDownloader build() {
            return new HttpDownloader(this);
        }
    }
}
