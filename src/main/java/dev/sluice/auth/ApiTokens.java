package dev.sluice.auth;

import dev.sluice.model.User;
import dev.sluice.store.ApiTokenStore;
import dev.sluice.store.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for {@code Authorization: Bearer}. A token is {@code slu_} followed by
 * 256 random bits in base64url — the prefix makes a leaked token recognisable in logs and by
 * secret scanners. Only its SHA-256 is stored, so the database alone does not let anyone in.
 * Revoked tokens stay in the table (revoked_at set) and never authenticate again.
 */
public final class ApiTokens {
    public static final String PREFIX = "slu_";
    /** Length of a well-formed token: the prefix and 43 base64url characters. */
    static final int LENGTH = PREFIX.length() + 43;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_LIVE_PER_USER = 100;
    static final String DEFAULT_NAME = "API token";
    /** last_used_at is written at most this often per token, so busy API clients do not write on every request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiTokenStore store;
    private final UserRepository users;
    private final InstantSource clock;

    public ApiTokens(ApiTokenStore store, UserRepository users, InstantSource clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    /** Creates a token for {@code userId}; a blank name becomes "API token". */
    public NewApiToken create(long userId, String name) {
        String label = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
        if (label.length() > MAX_NAME_LENGTH) {
            throw new ApiTokenRefused("A token name can be at most " + MAX_NAME_LENGTH + " characters");
        }
        String value = PREFIX + RandomTokens.next();
        long now = clock.millis();
        long id = store.create(userId, label, SecretTokens.sha256Hex(value), now, MAX_LIVE_PER_USER)
                .orElseThrow(() -> new ApiTokenRefused("You already have " + MAX_LIVE_PER_USER
                        + " API tokens; revoke one first"));
        return new NewApiToken(new ApiToken(id, userId, label, Instant.ofEpochMilli(now), null), value);
    }

    /** The user's tokens that still work, newest first. */
    public List<ApiToken> list(long userId) {
        return store.live(userId).stream()
                .map(t -> new ApiToken(t.id(), t.userId(), t.name(), Instant.ofEpochMilli(t.createdAtMillis()),
                        t.lastUsedAtMillis() == null ? null : Instant.ofEpochMilli(t.lastUsedAtMillis())))
                .toList();
    }

    /** Revokes the user's token {@code tokenId}; false when there is no such live token of theirs. */
    public boolean revoke(long userId, long tokenId) {
        return store.revoke(userId, tokenId, clock.millis());
    }

    /** The user a live (not revoked) token belongs to; empty otherwise. */
    public Optional<User> userFor(String token) {
        // Anything that is not shaped like a token is refused before hashing or touching the database.
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = SecretTokens.sha256Hex(token);
        long now = clock.millis();
        return store.findLive(hash).flatMap(found -> {
            Long lastUsed = found.lastUsedAtMillis();
            if (lastUsed == null || now - lastUsed >= TOUCH_INTERVAL.toMillis()) {
                store.touch(found.id(), now);
            }
            return users.find(found.userId());
        });
    }
}
