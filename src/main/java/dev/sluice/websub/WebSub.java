package dev.sluice.websub;

import dev.sluice.auth.TokenBuckets;
import dev.sluice.fetch.AddressPolicy;
import dev.sluice.fetch.GuardedClient;
import dev.sluice.fetch.Resolver;
import dev.sluice.output.ComputedOutput;
import dev.sluice.output.FeedOutputs;
import dev.sluice.store.Database;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.WebSubSubscriptions;
import dev.sluice.store.WebSubTopics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * WebSub, wired: the hub feeds name, the built-in hub's front door ({@link #hub()}), and what runs
 * behind it. {@link FeedOutputs} tells {@link #computed} of every real run; webhooks tell
 * {@link #contentChanged}. Background threads start with {@link #start()} (serving only).
 */
public final class WebSub implements AutoCloseable {
    /** The built-in hub's path on this server. */
    public static final String PATH = "/websub";
    /** Pauses before the retries of a failed delivery or ping. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
    /** How long one request to a callback or hub may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most of a callback's answer read: a challenge is 43 characters. */
    static final int ANSWER_CAP = 4096;

    /** What WebSub needs from the rest of the application. */
    public record Needs(Database db, FeedOutputs outputs, PipeRepository pipes, GuardedClient client,
                        InstantSource clock, String baseUrl, WebSubSettings settings, List<Duration> backoff) {
    }

    private final String hubUrl;
    private final Outbound outbound;
    private final Hub hub;
    private final ChangeWatch changes;
    private final Refresher refresher;
    private final GuardedClient client;

    public WebSub(Needs n) {
        WebSubSettings settings = n.settings();
        this.hubUrl = settings.builtIn() ? n.baseUrl() + PATH : settings.externalHub();
        this.client = n.client();
        this.outbound = new Outbound(n.backoff());
        WebSubSubscriptions subscriptions = new WebSubSubscriptions(n.db());
        WebSubTopics topics = new WebSubTopics(n.db());
        SubscribedPipes subscribed = new SubscribedPipes(subscriptions);
        IntentCheck intents = new IntentCheck(n.client(), n.outputs(), subscriptions, topics, subscribed, n.clock());
        this.hub = new Hub(settings, n.baseUrl(), n.pipes(), n.outputs(), subscriptions, n.client(),
                new TokenBuckets(Hub.PER_CALLBACK_HOST, Hub.WINDOW, n.clock()), intents, outbound);
        Deliveries deliveries = new Deliveries(n.client(), subscriptions, subscribed, outbound, n.clock());
        ExternalHub external = settings.builtIn() ? null : new ExternalHub(hubUrl, n.client(), n.outputs(), outbound);
        this.changes = new ChangeWatch(settings, n.baseUrl(), hubUrl, n.outputs(), subscriptions, topics, subscribed,
                deliveries, external, outbound, n.clock());
        this.refresher = new Refresher(settings, n.baseUrl(), n.outputs(), n.pipes(), subscriptions, topics, subscribed,
                n.clock());
    }

    /**
     * The client for callbacks and the external hub: the SSRF guard's {@code policy} at DNS on
     * every request, no redirects followed, {@link #TIMEOUT} per request.
     */
    public static GuardedClient client(AddressPolicy policy, Resolver resolver, String userAgent) {
        return new GuardedClient(policy, resolver, userAgent, TIMEOUT, ANSWER_CAP);
    }

    /** The hub public feeds name: the external one when set, else this server's {@link #PATH}. */
    public String hubUrl() {
        return hubUrl;
    }

    public Hub hub() {
        return hub;
    }

    /** A real run produced an output (from {@link FeedOutputs}): returns at once. */
    public void computed(ComputedOutput output) {
        changes.computed(output);
    }

    /** A webhook event for the pipe was stored: a subscribed pipe runs soon after. */
    public void contentChanged(String pipeId) {
        refresher.contentChanged(pipeId);
    }

    /**
     * Starts the periodic refresh and expiry (a serving process; commands need none); each round
     * runs through {@code onOneNode}, so nodes sharing the database take turns rather than all
     * refreshing.
     */
    public void start(java.util.function.UnaryOperator<Runnable> onOneNode) {
        refresher.start(onOneNode);
    }

    /** Stops the threads; deliveries still waiting are dropped (the next change is delivered whole). */
    @Override
    public void close() {
        refresher.close();
        outbound.close();
        client.close();
    }
}
