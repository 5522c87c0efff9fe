package dev.sluice.store;

import dev.sluice.block.HookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@code hook_events} table: accepted webhook requests. Storing one is a single atomic step
 * (duplicate check and insert together) and durable when it returns: the event survives a crash
 * of the process and of the machine. Deletions come in small batches, each its own short
 * transaction, so a large clean-up never holds locks for long.
 */
public interface HookEvents {
    /** The most event bytes one read returns: a run never holds more than this in bodies. */
    long READ_BUDGET_BYTES = 16L * 1024 * 1024;

    /**
     * An event to store.
     *
     * @param deliveryId the sender's id for this delivery (Idempotency-Key, X-GitHub-Delivery), or null
     * @param bodyHash   hex SHA-256 of the body: the duplicate key when there is no delivery id
     */
    record NewEvent(String hookId, Instant receivedAt, String contentType, byte[] body, String bodyHash,
                    String deliveryId) {
    }

    /**
     * Stores {@code event} unless it repeats one already stored: the same delivery id, or — when it
     * has none — the same body within {@code dedupeWindow}. Answers the new event's id, or empty
     * for a repeat. Throws {@link StoreException} when the database stayed busy.
     */
    OptionalLong store(NewEvent event, Duration dedupeWindow);

    /**
     * The hook's newest events, newest first: at most {@code limit}, and no more once their bodies
     * pass {@link #READ_BUDGET_BYTES} (the newest one is always included).
     */
    List<HookEvent> recent(String hookId, int limit);

    /** Every hook id that has stored events, with whether a saved pipe still has that hook. */
    Map<String, Boolean> hooksWithEvents();

    /** Deletes up to {@code batch} of the hook's events received before {@code cutoff}; answers how many. */
    int deleteOlderThan(String hookId, Instant cutoff, int batch);

    /** Deletes up to {@code batch} of the hook's events beyond its newest {@code keep}; answers how many. */
    int deleteBeyondNewest(String hookId, int keep, int batch);

    /** Deletes up to {@code batch} events of a hook no saved pipe has any more; answers how many. */
    int deleteAllOf(String hookId, int batch);
}
