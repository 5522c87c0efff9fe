package dev.sluice.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The {@code api_tokens} table: API tokens stored as SHA-256 hashes; revoked ones stay listed a while. */
public interface ApiTokenStore {

    /** A stored token; {@code lastUsedAtMillis} is null before its first use. */
    record Token(long id, long userId, String name, long createdAtMillis, Long lastUsedAtMillis) {
    }

    /**
     * Stores a token unless the user already has {@code maxLive} live ones, in one transaction;
     * answers the new token's id, or empty when the user is at the limit.
     */
    OptionalLong create(long userId, String name, String tokenHash, long nowMillis, int maxLive);

    /** The user's live tokens, newest first. */
    List<Token> live(long userId);

    /** Revokes the user's live token {@code tokenId}; false when there is none. */
    boolean revoke(long userId, long tokenId, long nowMillis);

    /** The live token with this hash. */
    Optional<Token> findLive(String tokenHash);

    /** Records a use of the token. */
    void touch(long tokenId, long nowMillis);
}
