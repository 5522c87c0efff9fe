package dev.sluice.websub;

import dev.sluice.engine.Admission;
import dev.sluice.fetch.GuardedClient;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.WebSubSubscription;
import dev.sluice.output.FeedOutputs;
import dev.sluice.output.FeedResult;
import dev.sluice.store.WebSubSubscriptions;
import dev.sluice.store.WebSubTopics;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verification of intent: before a subscription starts (or ends), the callback is asked with a
 * GET carrying {@code hub.mode}, {@code hub.topic}, {@code hub.lease_seconds} and a random
 * {@code hub.challenge}; only a 2xx answer whose body is exactly the challenge confirms it. So
 * nobody can subscribe (or unsubscribe) a URL that does not want it. A subscription the hub cannot
 * serve — a pipe that outputs data, not a feed — is denied instead ({@code hub.mode=denied}).
 */
final class IntentCheck {
    private static final Logger LOG = LoggerFactory.getLogger(IntentCheck.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A request the hub took, waiting for its callback's word.
     *
     * @param canonicalTopic the feed's canonical URL, under which the subscription is kept
     * @param query          the topic's parameters (the pipe keeps those it declares)
     * @param paramsKey      the canonical form of the declared ones
     */
    record Pending(HubRequest request, StoredPipe pipe, String canonicalTopic, String format,
                   Map<String, String> query, String paramsKey) {
    }

    private final GuardedClient client;
    private final FeedOutputs outputs;
    private final WebSubSubscriptions subscriptions;
    private final WebSubTopics topics;
    private final SubscribedPipes subscribed;
    private final InstantSource clock;

    IntentCheck(GuardedClient client, FeedOutputs outputs, WebSubSubscriptions subscriptions, WebSubTopics topics,
                SubscribedPipes subscribed, InstantSource clock) {
        this.client = client;
        this.outputs = outputs;
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.subscribed = subscribed;
        this.clock = clock;
    }

    void subscribe(Pending p) {
        FeedResult now = current(p);
        if (now != null && now.isData()) {
            deny(p, "This pipe outputs data (JSON/XML), not a feed; only feeds can be followed");
            return;
        }
        if (!confirmed(p, HubRequest.Mode.SUBSCRIBE)) {
            return;
        }
        Instant at = clock.instant();
        HubRequest r = p.request();
        subscriptions.save(new WebSubSubscription(p.canonicalTopic(), r.callback(), p.pipe().id(), p.format(), r.secret(),
                r.leaseSeconds(), at, at.plusSeconds(r.leaseSeconds()), 0));
        subscribed.add(p.pipe().id());
        if (now != null && (now.complete() || now.stale())) {
            // what the subscriber has now: only later changes are news to it
            topics.startAt(p.pipe().id(), p.paramsKey(), ItemsHash.of(now.feed()), at);
        }
        LOG.info("WebSub: {} subscribed to {} for {} s", r.callback(), p.canonicalTopic(), r.leaseSeconds());
    }

    void unsubscribe(Pending p) {
        if (confirmed(p, HubRequest.Mode.UNSUBSCRIBE)
                && subscriptions.delete(p.canonicalTopic(), p.request().callback())) {
            subscribed.reload();
            LOG.info("WebSub: {} unsubscribed from {}", p.request().callback(), p.canonicalTopic());
        }
    }

    /** The feed as a reader would get it now (from cache, or a run); null when no run slot is free. */
    private FeedResult current(Pending p) {
        try {
            return outputs.result(p.pipe(), p.query());
        } catch (Admission.Busy e) {
            return null;
        }
    }

    private boolean confirmed(Pending p, HubRequest.Mode mode) {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hub.mode", mode == HubRequest.Mode.SUBSCRIBE ? "subscribe" : "unsubscribe");
        query.put("hub.topic", p.request().topic()); // as the subscriber wrote it
        query.put("hub.challenge", challenge);
        if (mode == HubRequest.Mode.SUBSCRIBE) {
            query.put("hub.lease_seconds", Long.toString(p.request().leaseSeconds()));
        }
        GuardedClient.Outcome outcome = client.get(p.request().callback(), query);
        boolean echoed = outcome instanceof GuardedClient.Outcome.Answered a && a.success() && a.body().equals(challenge);
        WebSubMetrics.verification(echoed ? "verified" : "not_verified");
        if (!echoed) {
            LOG.info("WebSub: {} of {} to {} not confirmed: {}", query.get("hub.mode"), p.request().callback(),
                    p.canonicalTopic(), switch (outcome) {
                        case GuardedClient.Outcome.Answered a when !a.success() -> "HTTP " + a.status();
                        case GuardedClient.Outcome.Answered a -> "the answer is not the challenge";
                        case GuardedClient.Outcome.Failed f -> f.problem();
                    });
        }
        return echoed;
    }

    private void deny(Pending p, String reason) {
        WebSubMetrics.verification("denied");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hub.mode", "denied");
        query.put("hub.topic", p.request().topic());
        query.put("hub.reason", reason);
        client.get(p.request().callback(), query);
        LOG.info("WebSub: subscription of {} to {} denied: {}", p.request().callback(), p.canonicalTopic(), reason);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
