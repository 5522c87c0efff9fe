package dev.sluice.web.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.auth.RandomTokens;
import java.time.Duration;
import java.util.Optional;

/**
 * Messages carried across a POST/redirect/GET: the POST stores one under a random key, the page
 * it redirects to takes it, once. Kept in memory, bound to the user who caused it, and dropped
 * after {@link #KEEP}: a new API token's value passes through here, so it must never go into a URL
 * or outlive its one showing. (A second server would need them in the database.)
 */
final class Flash {
    static final Duration KEEP = Duration.ofMinutes(10);
    private static final long MAX_MESSAGES = 10_000;

    private record Held(long userId, SettingsMessage message) {
    }

    private final Cache<String, Held> held = Caffeine.newBuilder()
            .maximumSize(MAX_MESSAGES).expireAfterWrite(KEEP).build();

    /** Holds {@code message} for {@code userId}; returns the key for the redirect's URL. */
    String put(long userId, SettingsMessage message) {
        String key = RandomTokens.next();
        held.put(key, new Held(userId, message));
        return key;
    }

    /** The message under {@code key}, if it is {@code userId}'s; it is gone afterwards. */
    Optional<SettingsMessage> take(long userId, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Held h = held.getIfPresent(key);
        // remove(key, h) succeeds for one caller only: two tabs racing do not both see a token.
        if (h == null || h.userId() != userId || !held.asMap().remove(key, h)) {
            return Optional.empty();
        }
        return Optional.of(h.message());
    }
}
