package dev.sluice.websub;

import dev.sluice.engine.Admission;
import dev.sluice.output.FeedOutputs;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.StoredPipe;
import dev.sluice.store.WebSubSubscription;
import dev.sluice.store.WebSubSubscriptions;
import dev.sluice.store.WebSubTopics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps subscribed feeds moving when nobody polls them. Every {@link WebSubSettings#refreshEvery()}
 * it asks for the output of each subscribed pipe output, as a reader would: while the output is
 * fresh that is a cache hit; once it is not, the pipe runs — on its normal freshness schedule, no
 * more often — and a change reaches subscribers through {@link ChangeWatch}. A webhook event for a
 * subscribed pipe runs it at once. One thread, so one pipe run at a time, under the owners' run
 * admission like any request (a round that finds no free slot stops and the rest waits for the
 * next); the same round removes expired subscriptions.
 */
final class Refresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);
    /** With an external hub, what it was told is forgotten after this long without a change. */
    static final Duration KEEP_TOPICS = Duration.ofDays(90);

    private final WebSubSettings settings;
    private final String baseUrl;
    private final FeedOutputs outputs;
    private final PipeRepository pipes;
    private final WebSubSubscriptions subscriptions;
    private final WebSubTopics topics;
    private final SubscribedPipes subscribed;
    private final InstantSource clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sluice-websub-refresh").daemon().factory());
    /** Pipes whose webhook run is queued: more events meanwhile join it. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    Refresher(WebSubSettings settings, String baseUrl, FeedOutputs outputs, PipeRepository pipes, WebSubSubscriptions subscriptions,
              WebSubTopics topics, SubscribedPipes subscribed, InstantSource clock) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.outputs = outputs;
        this.pipes = pipes;
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.subscribed = subscribed;
        this.clock = clock;
    }

    /**
     * Every period, on every node: the index of subscribed pipes read again (another node may have
     * verified a subscription), then the round itself where {@code onOneNode} lets it run.
     */
    void start(java.util.function.UnaryOperator<Runnable> onOneNode) {
        long every = settings.refreshEvery().toMillis();
        Runnable round = onOneNode.apply(this::round);
        thread.scheduleWithFixedDelay(() -> {
            guarded("subscribed pipes", subscribed::reload);
            round.run();
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** A webhook event arrived for the pipe: if anyone follows it, run it now (well, next on this thread). */
    void contentChanged(String pipeId) {
        if (settings.builtIn() && !subscribed.has(pipeId)) {
            return;
        }
        if (queued.add(pipeId)) {
            try {
                thread.execute(() -> {
                    queued.remove(pipeId);
                    guarded("webhook run of pipe " + pipeId, () -> runPipe(pipeId));
                });
            } catch (RejectedExecutionException e) {
                queued.remove(pipeId); // closing
            }
        }
    }

    /** One round: expired subscriptions out, then every subscribed output looked at. */
    void round() {
        guarded("refresh round", () -> {
            if (!settings.builtIn()) {
                topics.deleteUnchangedSince(clock.instant().minus(KEEP_TOPICS));
                return;
            }
            if (subscriptions.deleteExpired(clock.instant()) > 0) {
                topics.deleteUnsubscribed();
            }
            subscribed.reload(); // also forgets pipes deleted meanwhile (their subscriptions went with them)
            Map<String, Map<String, Map<String, String>>> outputsByPipe = new LinkedHashMap<>();
            for (WebSubSubscription s : subscriptions.allActive(clock.instant(), settings.maxSubscriptions())) {
                FeedTopic.parse(s.topic(), baseUrl).ifPresent(t -> outputsByPipe
                        .computeIfAbsent(s.pipeId(), id -> new LinkedHashMap<>())
                        .putIfAbsent(canonicalQuery(t), t.query()));
            }
            for (var pipe : outputsByPipe.entrySet()) {
                if (!refresh(pipe.getKey(), List.copyOf(pipe.getValue().values()))) {
                    return; // no run slots: the rest waits for the next round
                }
            }
        });
    }

    private void runPipe(String pipeId) {
        if (!settings.builtIn()) {
            refresh(pipeId, List.of(Map.of()));
            return;
        }
        Map<String, Map<String, String>> queries = new LinkedHashMap<>();
        for (WebSubSubscription s : subscriptions.active(pipeId, clock.instant())) {
            FeedTopic.parse(s.topic(), baseUrl).ifPresent(t -> queries.putIfAbsent(canonicalQuery(t), t.query()));
        }
        refresh(pipeId, List.copyOf(queries.values()));
    }

    /** Asks for the pipe's outputs as a reader would; false when the run slots are taken. */
    private boolean refresh(String pipeId, List<Map<String, String>> queries) {
        StoredPipe pipe = pipes.find(pipeId).orElse(null);
        if (pipe == null) {
            subscribed.reload(); // deleted: its subscriptions went with it
            return true;
        }
        if (!pipe.isPublic()) {
            if (settings.builtIn() && subscriptions.deleteForPipe(pipeId) > 0) {
                LOG.info("WebSub: pipe {} is no longer public; its subscriptions ended", pipeId);
                subscribed.reload();
            }
            return true;
        }
        for (Map<String, String> query : queries) {
            try {
                outputs.result(pipe, query);
            } catch (Admission.Busy e) {
                return false;
            }
        }
        return true;
    }

    private static String canonicalQuery(FeedTopic t) {
        return new java.util.TreeMap<>(t.query()).toString();
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("WebSub: {} failed: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
