package dev.sluice.store;

import java.util.Optional;

/** The {@code login_links} table: single-use login links, stored as token hashes. */
public interface LoginLinkStore {

    /** A link used up by {@link #use}. */
    record Used(String email, String nextPath) {
    }

    /** Why a link could not be used. */
    enum Unusable { UNKNOWN, EXPIRED, USED }

    /** Stores a link and, in the same transaction, drops the links that expired before {@code purgeBeforeMillis}. */
    void issue(String tokenHash, String email, String nextPath, long nowMillis, long expiresAtMillis,
               long purgeBeforeMillis);

    /**
     * Marks the live, unused link as used in one conditional update (of two racing clicks exactly
     * one wins) and answers its address; empty when it was not usable.
     */
    Optional<Used> use(String tokenHash, long nowMillis);

    /** Why the link with this hash is not usable (asked after {@link #use} found nothing). */
    Unusable whyUnusable(String tokenHash);
}
