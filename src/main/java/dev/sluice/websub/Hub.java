package dev.sluice.websub;

import dev.sluice.auth.RateLimit;
import dev.sluice.feed.OutputFormat;
import dev.sluice.fetch.GuardedClient;
import dev.sluice.model.StoredPipe;
import dev.sluice.output.FeedOutputs;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.WebSubSubscriptions;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;

/**
 * The built-in hub's front door, {@code POST /websub}: checks a subscriber's request — its form,
 * that the topic is a public pipe's feed on this server, that the callback is an address the SSRF
 * guard lets through, the rate of requests for the callback's host, the caps — and answers at once:
 * 202 when taken (the callback is then asked to confirm, in the background), else a 4xx/5xx that
 * says what is wrong.
 */
public final class Hub {
    /** Subscription requests per callback host: a burst of this many, then one every second. */
    static final int PER_CALLBACK_HOST = 60;
    static final java.time.Duration WINDOW = java.time.Duration.ofMinutes(1);
    /** Requests taken but not yet confirmed (each is a request to some callback). */
    static final int MAX_PENDING = 1_000;

    private final WebSubSettings settings;
    private final String baseUrl;
    private final PipeRepository pipes;
    private final FeedOutputs outputs;
    private final WebSubSubscriptions subscriptions;
    private final GuardedClient client;
    private final RateLimit perCallbackHost;
    private final IntentCheck intents;
    private final Outbound outbound;
    private final AtomicInteger pending = new AtomicInteger();

    Hub(WebSubSettings settings, String baseUrl, PipeRepository pipes, FeedOutputs outputs,
        WebSubSubscriptions subscriptions, GuardedClient client, RateLimit perCallbackHost, IntentCheck intents,
        Outbound outbound) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.pipes = pipes;
        this.outputs = outputs;
        this.subscriptions = subscriptions;
        this.client = client;
        this.perCallbackHost = perCallbackHost;
        this.intents = intents;
        this.outbound = outbound;
    }

    /** Answers a request; {@code form} gives a form field's value, null when absent. */
    public HubAnswer receive(UnaryOperator<String> form) {
        HubAnswer answer = decide(form);
        WebSubMetrics.request(answer);
        return answer;
    }

    private HubAnswer decide(UnaryOperator<String> form) {
        if (!settings.builtIn()) {
            return new HubAnswer.Refused(404, "This server's feeds are pushed by the hub at " + settings.externalHub()
                    + "; subscribe there");
        }
        HubRequest request;
        switch (HubRequest.parse(form)) {
            case HubRequest.Parsed.Invalid invalid -> {
                return new HubAnswer.Refused(400, invalid.problem());
            }
            case HubRequest.Parsed.Valid valid -> request = valid.request();
        }
        Optional<FeedTopic> topic = FeedTopic.parse(request.topic(), baseUrl)
                .filter(t -> t.format() != OutputFormat.TEXT);
        Optional<StoredPipe> pipe = topic.flatMap(t -> pipes.find(t.pipeId())).filter(StoredPipe::isPublic);
        if (pipe.isEmpty()) {
            // the same words for a private pipe as for none: ids cannot be probed here either
            return new HubAnswer.Refused(400, "hub.topic must be the feed URL of a public pipe on this server ("
                    + baseUrl + "/feed/<id>.rss, .atom or .json); " + quote(request.topic()) + " is not");
        }
        String host = HttpUrl.parse(request.callback()).host().toLowerCase(Locale.ROOT);
        RateLimit.Verdict rate = perCallbackHost.take(host);
        if (!rate.allowed()) {
            return new HubAnswer.Limited(rate.retryAfter(), "Too many subscription requests for callbacks on " + host);
        }
        Optional<String> refusal = client.refusal(request.callback());
        if (refusal.isPresent()) {
            return new HubAnswer.Refused(400, "hub.callback cannot be used: " + refusal.get());
        }
        String paramsKey = outputs.paramsKey(pipe.get(), topic.get().query());
        String canonical = outputs.selfUrl(pipe.get(), topic.get().format(), paramsKey);
        IntentCheck.Pending p = new IntentCheck.Pending(request, pipe.get(), canonical, topic.get().format().extension(),
                topic.get().query(), paramsKey);
        boolean renewal = subscriptions.find(canonical, request.callback()).isPresent();
        if (request.mode() == HubRequest.Mode.UNSUBSCRIBE) {
            return renewal ? later(() -> intents.unsubscribe(p)) : new HubAnswer.Accepted(); // nothing to end
        }
        if (!renewal && subscriptions.countForPipe(pipe.get().id()) >= settings.maxPerFeed()) {
            return new HubAnswer.Refused(403, "This feed has as many subscriptions as the hub takes for one pipe ("
                    + settings.maxPerFeed() + ")");
        }
        if (!renewal && subscriptions.count() >= settings.maxSubscriptions()) {
            return new HubAnswer.Refused(503, "The hub has as many subscriptions as it takes ("
                    + settings.maxSubscriptions() + "); try again later");
        }
        return later(() -> intents.subscribe(p));
    }

    /** 202 with the verification queued, or 503 when too many are waiting already. */
    private HubAnswer later(Runnable verification) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            return busy();
        }
        boolean queued = outbound.submit("verification of intent", () -> {
            try {
                verification.run();
            } finally {
                pending.decrementAndGet();
            }
        });
        if (!queued) {
            pending.decrementAndGet();
            return busy();
        }
        return new HubAnswer.Accepted();
    }

    private static HubAnswer busy() {
        return new HubAnswer.Refused(503, "The hub has too many requests waiting for verification; try again later");
    }

    private static String quote(String text) {
        return "\"" + (text.length() <= 200 ? text : text.substring(0, 200) + "…") + "\"";
    }
}
