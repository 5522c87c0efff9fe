package dev.sluice.hook;

import dev.sluice.store.HookEvents;
import dev.sluice.store.StoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one webhook request, independent of HTTP: finds the hook, checks the
 * signature when the hook has a secret, applies the hook's rate limit, and stores the event —
 * unless it repeats one already stored. "Accepted" is only ever said after the event is committed;
 * when the database stays busy the answer is "busy, retry later", never a silent drop.
 */
public final class HookIngest {
    private static final Logger LOG = LoggerFactory.getLogger(HookIngest.class);

    /** Largest request body a hook accepts. */
    public static final int MAX_BODY = 1024 * 1024;
    /** Without a delivery id, the same body within this time is a repeat. */
    public static final Duration DEDUPE_WINDOW = Duration.ofMinutes(10);
    /** Headers that carry the sender's id for a delivery, in order of preference. */
    public static final List<String> DELIVERY_HEADERS = List.of("Idempotency-Key", "X-GitHub-Delivery");
    static final int MAX_DELIVERY_ID = 200;
    static final int MAX_CONTENT_TYPE = 200;
    /** Pauses between attempts to store while SQLite is busy; one more attempt than pauses. */
    static final List<Duration> STORE_BACKOFF = List.of(Duration.ofMillis(50), Duration.ofMillis(200));
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);

    private final HookIndex index;
    private final HookEvents events;
    private final HookRateLimiter limiter;
    private final InstantSource clock;
    private final Consumer<String> onAccepted;

    /**
     * @param onAccepted told the pipe id after an event of one of its hooks is stored (to drop
     *                   the pipe's cached output, so readers see the event on their next poll)
     */
    public HookIngest(HookIndex index, HookEvents events, HookRateLimiter limiter, InstantSource clock,
            Consumer<String> onAccepted) {
        this.index = index;
        this.events = events;
        this.limiter = limiter;
        this.clock = clock;
        this.onAccepted = onAccepted;
    }

    /**
     * A request as it arrived.
     *
     * @param header a request header's value by name (case-insensitive), null when absent
     */
    public record Delivery(byte[] body, String contentType, UnaryOperator<String> header) {
    }

    /** What became of a request. */
    public sealed interface Outcome {
        record Accepted(long eventId) implements Outcome {
        }

        record Duplicate() implements Outcome {
        }

        record UnknownHook() implements Outcome {
        }

        record TooLarge() implements Outcome {
        }

        record BadRequest(String problem) implements Outcome {
        }

        record Unauthorized(String problem) implements Outcome {
        }

        record RateLimited(Duration retryAfter) implements Outcome {
        }

        record Busy(Duration retryAfter) implements Outcome {
        }
    }

    public Outcome receive(String hookId, Delivery delivery) {
        Outcome outcome = decide(hookId, delivery);
        HookMetrics.record(outcome);
        return outcome;
    }

    private Outcome decide(String hookId, Delivery delivery) {
        Optional<Hook> found = index.find(hookId);
        if (found.isEmpty()) {
            return new Outcome.UnknownHook();
        }
        Hook hook = found.get();
        if (delivery.body().length > MAX_BODY) {
            return new Outcome.TooLarge();
        }
        Instant now = clock.instant();
        if (hook.signed()) {
            SignatureCheck.Verdict verdict = SignatureCheck.verify(hook.secret(), delivery.body(),
                    delivery.header().apply(SignatureCheck.GITHUB_HEADER),
                    delivery.header().apply(SignatureCheck.SLUICE_HEADER), now);
            if (!verdict.valid()) {
                return new Outcome.Unauthorized(verdict.problem());
            }
        }
        String deliveryId = deliveryId(delivery);
        if (deliveryId != null && deliveryId.length() > MAX_DELIVERY_ID) {
            return new Outcome.BadRequest("The delivery id is longer than " + MAX_DELIVERY_ID + " characters");
        }
        // After the signature check, so requests without the secret cannot use up the hook's budget.
        HookRateLimiter.Verdict rate = limiter.acquire(hookId);
        if (!rate.allowed()) {
            return new Outcome.RateLimited(rate.retryAfter());
        }
        HookEvents.NewEvent event = new HookEvents.NewEvent(hookId, now, contentType(delivery.contentType()),
                delivery.body(), sha256(delivery.body()), deliveryId);
        return store(hook, event);
    }

    private Outcome store(Hook hook, HookEvents.NewEvent event) {
        for (int attempt = 0; ; attempt++) {
            try {
                OptionalLong id = events.store(event, DEDUPE_WINDOW);
                if (id.isEmpty()) {
                    return new Outcome.Duplicate();
                }
                tellAccepted(hook);
                return new Outcome.Accepted(id.getAsLong());
            } catch (StoreException e) {
                if (!e.busy() || attempt >= STORE_BACKOFF.size()) {
                    LOG.warn("Webhook event for hook {} not stored ({} attempts): {}", hook.hookId(), attempt + 1,
                            e.getMessage());
                    return new Outcome.Busy(BUSY_RETRY_AFTER);
                }
                if (!pause(STORE_BACKOFF.get(attempt))) {
                    return new Outcome.Busy(BUSY_RETRY_AFTER);
                }
            }
        }
    }

    /** The event is stored whatever happens here, so a failure must not turn the answer into an error. */
    private void tellAccepted(Hook hook) {
        try {
            onAccepted.accept(hook.pipeId());
        } catch (RuntimeException e) {
            LOG.warn("After storing an event of hook {}: {}", hook.hookId(), e.toString());
        }
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String deliveryId(Delivery delivery) {
        for (String name : DELIVERY_HEADERS) {
            String value = delivery.header().apply(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String contentType(String given) {
        String type = given == null ? "" : given.strip();
        return type.length() <= MAX_CONTENT_TYPE ? type : type.substring(0, MAX_CONTENT_TYPE);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
