package dev.sluice.store;

import dev.sluice.model.WebSubSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The built-in WebSub hub's verified subscriptions (table {@code websub_subscriptions}). */
public interface WebSubSubscriptions {
    /** Stores a verified subscription, or renews the one of the same topic and callback (its failures forgotten). */
    void save(WebSubSubscription s);

    Optional<WebSubSubscription> find(String topic, String callback);

    /** Whether the pair was subscribed (and now is not). */
    boolean delete(String topic, String callback);

    /** The subscriptions of a pipe whose lease runs past {@code now}. */
    List<WebSubSubscription> active(String pipeId, Instant now);

    /** Every subscription whose lease runs past {@code now}, at most {@code limit}, oldest first. */
    List<WebSubSubscription> allActive(Instant now, int limit);

    /** The pipes that have subscriptions (expired ones included until they are swept). */
    Set<String> pipes();

    int countForPipe(String pipeId);

    int count();

    /** Deletes the subscriptions whose lease ended by {@code now}; how many. */
    int deleteExpired(Instant now);

    /** Deletes every subscription of a pipe (it is no longer public); how many. */
    int deleteForPipe(String pipeId);

    /**
     * Counts one more notification the subscriber did not take and deletes the subscription once
     * that makes {@code dropAt} in a row; the count it reached (0 when there was no such row).
     */
    int failed(String topic, String callback, int dropAt);

    /** Forgets the subscriber's failures after a delivery it took (writes only when there were some). */
    void delivered(String topic, String callback);
}
