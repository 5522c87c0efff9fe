package dev.sluice.fetch;

import dev.sluice.fetch.HostPoliteness.Admission;
import dev.sluice.fetch.HostPoliteness.Denied;
import dev.sluice.fetch.HostPoliteness.Granted;
import dev.sluice.fetch.HostPoliteness.Permit;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trip to the upstream for a URL: every hop checked ({@link UrlCheck}) and admitted by the
 * host's {@link HostPoliteness}, redirects followed by hand, one retry for a broken connection,
 * a 502/503/504, or a Retry-After pause that fits in the time left. No caching here.
 *
 * <p>A request that broke on a reused connection the server had closed meanwhile is not one of
 * those: it is sent again at once, within the same turn of the host, on a connection of its own
 * ({@link ConnectionReuse}); the host is not blamed and the explicit retry is not used up.
 */
final class UpstreamFetch {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamFetch.class);

    /** What the trip produced. */
    sealed interface Result permits Fresh, NotModified, Failure {
    }

    record Fresh(Download download, Duration lifetime) implements Result {
    }

    /** 304: the cached copy is still good; new validators if the upstream sent any. */
    record NotModified(String etag, String lastModified, Duration lifetime) implements Result {
    }

    /** @param remember whether the failure says something about the URL (cache it for the error TTL) */
    record Failure(FetchFailure failure, boolean remember) implements Result {
    }

    /** What one request produced. */
    private sealed interface Hop {
    }

    /** @param target the resolved Location, or null when it is not an http(s) URL */
    private record Redirect(String location, HttpUrl target) implements Hop {
    }

    /** Worth one more try once {@code delay} has passed, if the time left allows. */
    private record Retry(Failure failure, Duration delay) implements Hop {
    }

    private record Done(Result result) implements Hop {
    }

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.9, text/html;q=0.8, */*;q=0.5";

    private final OkHttpClient client;
    /** Shares everything with {@link #client} but the pool: each of its requests gets a new connection. */
    private final OkHttpClient freshConnections;
    private final UrlCheck urlCheck;
    private final HostPoliteness politeness;
    private final FetchConfig config;
    private final InstantSource clock;

    UpstreamFetch(OkHttpClient client, UrlCheck urlCheck, HostPoliteness politeness, FetchConfig config,
            InstantSource clock) {
        this.client = client;
        this.freshConnections = client.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
        this.urlCheck = urlCheck;
        this.politeness = politeness;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Fetches {@code url}; with {@code cached}, asks conditionally (If-None-Match/If-Modified-Since).
     */
    Result fetch(HttpUrl url, CachedEntry cached, FetchLimit limit) {
        HttpUrl current = url;
        int redirects = 0;
        boolean retried = false;
        while (true) {
            Hop hop = exchange(url, current, cached, limit);
            switch (hop) {
                case Done done -> {
                    return done.result();
                }
                case Redirect redirect -> {
                    if (++redirects > config.maxRedirects()) {
                        return failure(new FetchFailure.Network(url + ": more than " + config.maxRedirects()
                                + " redirects"));
                    }
                    if (redirect.target() == null) {
                        return failure(new FetchFailure.Refused(url + " redirects to a URL Sluice cannot fetch ("
                                + urlCheck.check(redirect.location()).refusal().message() + ")"));
                    }
                    UrlCheck.Verdict next = urlCheck.check(redirect.target());
                    if (!next.allowed()) {
                        return failure(new FetchFailure.Refused(url + " redirects to " + next.refusal().message()));
                    }
                    current = next.url();
                }
                case Retry retry -> {
                    if (retried || limit.remaining().compareTo(retry.delay()) <= 0) {
                        return retry.failure();
                    }
                    retried = true;
                    FetchMetrics.retried(retry.failure().failure());
                }
            }
        }
    }

    private Hop exchange(HttpUrl requested, HttpUrl current, CachedEntry cached, FetchLimit limit) {
        String host = current.host();
        Admission admission;
        try {
            admission = politeness.admit(host, limit.deadlineNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Done(new Failure(new FetchFailure.TimedOut(requested + ": interrupted"), false));
        }
        return switch (admission) {
            case Denied denied -> new Done(denied(requested, host, denied, limit));
            case Granted granted -> {
                Permit permit = granted.permit();
                try {
                    yield send(requested, current, cached, limit, false);
                } finally {
                    permit.close(); // the response is fully read or closed by now
                }
            }
        };
    }

    /** One request; {@code fresh} sends it on a new connection rather than one from the pool. */
    private Hop send(HttpUrl requested, HttpUrl current, CachedEntry cached, FetchLimit limit, boolean fresh) {
        long remaining = limit.remainingNanos();
        if (remaining <= 0) {
            return new Done(timedOut(requested, current.host(), limit));
        }
        Call call = (fresh ? freshConnections : client).newCall(request(current, cached));
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS); // cuts a trickling body at the deadline too
        String where = requested.equals(current) ? requested.toString() : requested + " (redirected to " + current + ")";
        try (Response response = call.execute()) {
            return answer(requested, current, response, cached != null);
        } catch (ConnectionReuse.StaleConnectionException e) {
            if (fresh) { // cannot happen: a fresh connection was never used before
                return ioFailure(requested, where, current.host(), e, limit);
            }
            FetchMetrics.staleConnectionRetried();
            LOG.debug("fetch url={} retry failure=StaleConnection reason=\"{}\"", where, e.getMessage());
            return send(requested, current, cached, limit, true);
        } catch (AddressRefusedException e) {
            return new Done(failure(new FetchFailure.Refused(where + ": " + e.getMessage())));
        } catch (BodyTooLargeException e) {
            return new Done(failure(new FetchFailure.TooLarge(where + ": " + e.getMessage())));
        } catch (IOException e) {
            return ioFailure(requested, where, current.host(), e, limit);
        }
    }

    private Request request(HttpUrl url, CachedEntry cached) {
        Request.Builder request = new Request.Builder().url(url)
                .header("User-Agent", config.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", BodyReader.ACCEPT_ENCODING);
        if (cached != null) {
            Download old = cached.download();
            if (old.etag() != null) {
                request.header("If-None-Match", old.etag());
            }
            if (old.lastModified() != null) {
                request.header("If-Modified-Since", old.lastModified());
            }
        }
        return request.build();
    }

    private Hop answer(HttpUrl requested, HttpUrl current, Response response, boolean conditional) throws IOException {
        int code = response.code();
        String host = current.host();
        if (response.isRedirect()) {
            politeness.succeeded(host);
            String location = response.header("Location");
            return location == null || location.isBlank()
                    ? new Done(failure(new FetchFailure.HttpStatus(current + ": HTTP " + code
                            + " redirect without a Location", code)))
                    : new Redirect(location, current.resolve(location));
        }
        if (code == 304 && conditional) {
            politeness.succeeded(host);
            return new Done(new NotModified(response.header("ETag"), response.header("Last-Modified"),
                    CacheLifetime.of(response.headers(), clock.instant(), config.freshFor())));
        }
        if (code >= 200 && code < 300) {
            byte[] body = BodyReader.read(response, config.bodyCap());
            politeness.succeeded(host);
            Instant now = clock.instant();
            Download download = new Download(requested.toString(), current.toString(), code,
                    response.header("Content-Type"), body, now, response.header("ETag"), response.header("Last-Modified"));
            return new Done(new Fresh(download, CacheLifetime.of(response.headers(), now, config.freshFor())));
        }
        return errorStatus(requested, current, response);
    }

    private Hop errorStatus(HttpUrl requested, HttpUrl current, Response response) {
        int code = response.code();
        String host = current.host();
        Optional<Duration> retryAfter = code == 429 || code == 503
                ? RetryAfter.parse(response.headers(), clock.instant()) : Optional.empty();
        if (retryAfter.isPresent()) {
            Duration wait = retryAfter.get();
            politeness.pause(host, wait);
            return new Retry(new Failure(new FetchFailure.TooManyRequests(requested + ": " + host + " answered HTTP "
                    + code + " and asked Sluice to wait " + Human.duration(wait) + ", longer than the time left",
                    clock.instant().plus(wait)), false), wait);
        }
        String status = response.message().isBlank() ? "HTTP " + code : "HTTP " + code + " " + response.message();
        Failure failure = failure(new FetchFailure.HttpStatus(requested + ": " + status, code));
        if (code < 500 && code != 429) {
            politeness.succeeded(host); // 404 and friends: the URL is wrong, the host is fine
            return new Done(failure);
        }
        politeness.failed(host);
        return code == 502 || code == 503 || code == 504 ? new Retry(failure, Duration.ZERO) : new Done(failure);
    }

    private Hop ioFailure(HttpUrl requested, String where, String host, IOException e, FetchLimit limit) {
        if (Thread.currentThread().isInterrupted()) {
            return new Done(new Failure(new FetchFailure.TimedOut(where + ": interrupted"), false));
        }
        if (limit.passed()) {
            return new Done(timedOut(requested, host, limit));
        }
        politeness.failed(host);
        if (e instanceof InterruptedIOException) {
            return new Done(failure(new FetchFailure.TimedOut(where + ": " + NetworkErrors.describe(e))));
        }
        Failure failure = failure(new FetchFailure.Network(where + ": " + NetworkErrors.describe(e)));
        return NetworkErrors.isReset(e) ? new Retry(failure, Duration.ZERO) : new Done(failure);
    }

    /** Running out of the caller's budget blames neither the URL nor the host; our own limit does. */
    private Failure timedOut(HttpUrl requested, String host, FetchLimit limit) {
        if (!limit.setByBudget()) {
            politeness.failed(host);
        }
        return new Failure(new FetchFailure.TimedOut(requested + ": no complete answer within " + limit.describe()),
                !limit.setByBudget());
    }

    private Failure denied(HttpUrl requested, String host, Denied denied, FetchLimit limit) {
        String wait = Human.duration(denied.retryIn());
        FetchFailure failure = switch (denied.reason()) {
            case PAUSED -> new FetchFailure.TooManyRequests(requested + ": " + host + " asked Sluice to pause for another "
                    + wait + ", longer than the time left", clock.instant().plus(denied.retryIn()));
            case BACKING_OFF -> new FetchFailure.Network(requested + ": " + host + " failed repeatedly; Sluice leaves it"
                    + " alone for another " + wait);
            case BUSY -> new FetchFailure.TimedOut(requested + ": too many requests to " + host + " already running; no"
                    + " turn within " + limit.describe());
        };
        return new Failure(failure, false);
    }

    private static Failure failure(FetchFailure failure) {
        return new Failure(failure, true);
    }
}
