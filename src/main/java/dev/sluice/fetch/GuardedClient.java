package dev.sluice.fetch;

import java.io.IOException;
import java.net.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Single requests to addresses that strangers name — a WebSub subscriber's callback — behind the
 * same SSRF guard as the downloader: the URL checked first ({@link UrlCheck}, which judges
 * literal addresses), every address of the host checked when OkHttp resolves it
 * ({@link GuardedDns}, no second lookup), no proxy. Redirects are never followed: a callback
 * that redirects is simply not a 2xx answer, so nobody can bounce these requests elsewhere.
 * No cache, no retries (the caller decides), answers read up to a small cap.
 */
public final class GuardedClient implements AutoCloseable {

    /** What became of one request. */
    public sealed interface Outcome {
        /** The server answered; {@code body} holds at most the cap the client was made with. */
        record Answered(int status, String body) implements Outcome {
            public boolean success() {
                return status >= 200 && status < 300;
            }
        }

        /** No answer: refused by the guard, or the network failed. {@code problem} says which. */
        record Failed(String problem, boolean refused) implements Outcome {
        }
    }

    private final UrlCheck urlCheck;
    private final GuardedDns dns;
    private final OkHttpClient client;
    private final String userAgent;
    private final int answerCap;

    /**
     * @param timeout   the whole request, connection included
     * @param answerCap the most bytes of an answer kept; longer answers are cut there
     */
    public GuardedClient(AddressPolicy policy, Resolver resolver, String userAgent, Duration timeout, int answerCap) {
        this.urlCheck = new UrlCheck(policy);
        this.dns = new GuardedDns(resolver, policy);
        this.userAgent = userAgent;
        this.answerCap = answerCap;
        this.client = new OkHttpClient.Builder()
                .dns(dns)
                .proxy(Proxy.NO_PROXY) // a proxy would resolve names itself, past the guard
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(timeout)
                .callTimeout(timeout)
                .build();
    }

    /**
     * Why {@code url} may not be contacted (a bad URL, an address the guard refuses, a name that
     * does not resolve), or empty when it may — as of now: the check is repeated on every request,
     * since a name can resolve differently later.
     */
    public Optional<String> refusal(String url) {
        UrlCheck.Verdict verdict = urlCheck.check(url);
        if (!verdict.allowed()) {
            return Optional.of(verdict.refusal().message());
        }
        try {
            dns.lookup(verdict.url().host()); // checks every address the name has
            return Optional.empty();
        } catch (AddressRefusedException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of(verdict.url().host() + ": " + NetworkErrors.describe(e));
        }
    }

    /** A GET of {@code url} with {@code query} parameters added to those it has. */
    public Outcome get(String url, Map<String, String> query) {
        UrlCheck.Verdict verdict = urlCheck.check(url);
        if (!verdict.allowed()) {
            return new Outcome.Failed(verdict.refusal().message(), true);
        }
        HttpUrl.Builder target = verdict.url().newBuilder();
        query.forEach(target::addQueryParameter);
        return send(new Request.Builder().url(target.build()).get());
    }

    /** A POST of {@code body} as {@code contentType} to {@code url}, with extra {@code headers}. */
    public Outcome post(String url, byte[] body, String contentType, Map<String, String> headers) {
        UrlCheck.Verdict verdict = urlCheck.check(url);
        if (!verdict.allowed()) {
            return new Outcome.Failed(verdict.refusal().message(), true);
        }
        Request.Builder request = new Request.Builder().url(verdict.url())
                .post(RequestBody.create(body, MediaType.parse(contentType)));
        headers.forEach(request::header);
        return send(request);
    }

    private Outcome send(Request.Builder request) {
        Request built = request.header("User-Agent", userAgent).build();
        try (Response response = client.newCall(built).execute()) {
            return new Outcome.Answered(response.code(), answer(response));
        } catch (AddressRefusedException e) {
            return new Outcome.Failed(e.getMessage(), true);
        } catch (IOException e) {
            return new Outcome.Failed(built.url().host() + ": " + NetworkErrors.describe(e), false);
        }
    }

    private String answer(Response response) throws IOException {
        if (response.body() == null) {
            return "";
        }
        okio.BufferedSource source = response.body().source();
        source.request(answerCap);
        long available = Math.min(answerCap, source.getBuffer().size());
        return source.getBuffer().readUtf8(available);
    }

    @Override
    public void close() {
        client.connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
    }
}
