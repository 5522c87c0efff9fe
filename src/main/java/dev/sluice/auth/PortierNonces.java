package dev.sluice.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Portier logins that were started and not yet finished, by nonce. A nonce is taken exactly once,
 * so a captured id_token cannot be replayed, and it lapses after {@link #TTL}. Kept in memory:
 * a login in progress when the server restarts simply has to be started again. Bounded, so a
 * flood of started logins cannot grow the heap.
 */
final class PortierNonces {
    static final Duration TTL = Duration.ofMinutes(15);
    static final int MAX_PENDING = 10_000;

    /** What the login was started with: where to go afterwards. */
    record Pending(String next) {
    }

    private final Cache<String, Pending> pending;

    PortierNonces(InstantSource clock) {
        // The application clock drives expiry, so tests can let a nonce lapse without waiting.
        this.pending = Caffeine.newBuilder()
                .maximumSize(MAX_PENDING)
                .expireAfterWrite(TTL)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** Remembers a new login and returns its nonce. */
    String issue(String next) {
        String nonce = RandomTokens.next();
        pending.put(nonce, new Pending(next));
        return nonce;
    }

    /** The pending login of {@code nonce}, removed so it cannot be used again; empty if unknown, used or lapsed. */
    Optional<Pending> take(String nonce) {
        if (nonce == null) {
            return Optional.empty();
        }
        // asMap().remove is atomic: of two requests racing with the same nonce, one wins.
        return Optional.ofNullable(pending.asMap().remove(nonce));
    }
}
