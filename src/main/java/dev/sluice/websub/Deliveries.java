package dev.sluice.websub;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.fetch.GuardedClient;
import dev.sluice.model.WebSubSubscription;
import dev.sluice.store.StoreException;
import dev.sluice.store.WebSubSubscriptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content distribution: the new feed POSTed to a subscriber's callback with its media type, the
 * {@code Link} headers (hub, self) and, when the subscriber gave a secret, {@code X-Hub-Signature}.
 * A failed delivery is tried again after growing pauses; a subscriber that takes none of
 * {@link #DROP_AFTER} notifications in a row loses its subscription. Each try first reads the
 * subscription again, so an unsubscribe or an ended lease stops even the retries; and a delivery
 * that a newer one for the same subscription has overtaken is not sent (or retried) at all, so a
 * subscriber never gets older content after newer.
 */
final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    /** Notifications in a row a subscriber may fail to take before it is dropped. */
    static final int DROP_AFTER = 5;

    /** One feed body to deliver: the same bytes for every subscriber of the format. */
    record Notification(byte[] body, String contentType, String links) {
    }

    private final GuardedClient client;
    private final WebSubSubscriptions subscriptions;
    private final SubscribedPipes subscribed;
    private final Outbound outbound;
    private final InstantSource clock;
    private final AtomicLong sequence = new AtomicLong();
    /**
     * Per subscription, the newest delivery handed out: older ones still waiting give way to it.
     * Forgotten an hour after it was handed out, far past the last retry of anything older.
     */
    private final Map<String, Long> newest = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
            .maximumSize(1_000_000).<String, Long>build().asMap();

    Deliveries(GuardedClient client, WebSubSubscriptions subscriptions, SubscribedPipes subscribed, Outbound outbound,
               InstantSource clock) {
        this.client = client;
        this.subscriptions = subscriptions;
        this.subscribed = subscribed;
        this.outbound = outbound;
        this.clock = clock;
    }

    void send(WebSubSubscription subscription, Notification notification) {
        String key = subscription.topic() + "\n" + subscription.callback();
        long mine = sequence.incrementAndGet();
        newest.put(key, mine);
        String what = "delivery to " + subscription.callback();
        outbound.retrying(what, () -> attempt(key, mine, subscription, notification),
                () -> gaveUp(key, mine, subscription));
    }

    private Outbound.Attempt attempt(String key, long mine, WebSubSubscription sent, Notification notification) {
        if (overtaken(key, mine)) {
            return Outbound.Attempt.DONE;
        }
        Optional<WebSubSubscription> current = subscriptions.find(sent.topic(), sent.callback())
                .filter(s -> s.expiresAt().isAfter(clock.instant()));
        if (current.isEmpty()) {
            newest.remove(key, mine); // unsubscribed or expired meanwhile (unless a newer one came)
            return Outbound.Attempt.DONE;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Link", notification.links());
        if (current.get().secret() != null) {
            headers.put(HubSignature.HEADER, HubSignature.of(current.get().secret(), notification.body()));
        }
        GuardedClient.Outcome outcome = client.post(sent.callback(), notification.body(), notification.contentType(), headers);
        if (outcome instanceof GuardedClient.Outcome.Answered answered && answered.success()) {
            WebSubMetrics.delivery("delivered");
            if (current.get().failures() > 0) {
                subscriptions.delivered(sent.topic(), sent.callback());
            }
            return Outbound.Attempt.DONE;
        }
        WebSubMetrics.delivery("failed");
        LOG.info("WebSub delivery to {} failed: {}", sent.callback(), describe(outcome));
        boolean refused = outcome instanceof GuardedClient.Outcome.Failed failed && failed.refused();
        return refused ? Outbound.Attempt.GIVE_UP : Outbound.Attempt.RETRY;
    }

    /** Every try failed: one more notification the subscriber missed; too many in a row and it goes. */
    private void gaveUp(String key, long mine, WebSubSubscription sent) {
        if (overtaken(key, mine)) {
            return; // a newer delivery is on its way; it decides
        }
        WebSubMetrics.delivery("gave_up");
        try {
            int failures = subscriptions.failed(sent.topic(), sent.callback(), DROP_AFTER);
            if (failures >= DROP_AFTER) {
                newest.remove(key, mine);
                WebSubMetrics.delivery("dropped_subscriber");
                LOG.info("WebSub subscription of {} to {} ended: {} notifications in a row were not taken",
                        sent.callback(), sent.topic(), failures);
                subscribed.reload();
            }
        } catch (StoreException e) {
            LOG.warn("WebSub: could not count a failed delivery to {}: {}", sent.callback(), e.getMessage());
        }
    }

    private boolean overtaken(String key, long mine) {
        Long latest = newest.get(key);
        return latest != null && latest > mine;
    }

    private static String describe(GuardedClient.Outcome outcome) {
        return switch (outcome) {
            case GuardedClient.Outcome.Answered a -> "HTTP " + a.status();
            case GuardedClient.Outcome.Failed f -> f.problem();
        };
    }
}
