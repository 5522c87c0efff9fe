package dev.sluice.store;

import java.util.Optional;

/** The {@code email_changes} table: pending changes of an account's address, stored as token hashes. */
public interface EmailChangeStore {

    /** A stored change as a look-up finds it; {@code usedAtMillis} is null while unused. */
    record Change(long userId, String newEmail, Long usedAtMillis, long expiresAtMillis) {
    }

    /** What {@link #apply} did; {@code oldEmail} is the address before a change, else null. */
    record Applied(Outcome outcome, String oldEmail) {
    }

    enum Outcome { CHANGED, TAKEN, ALREADY_USED }

    /** Stores a change and, in the same transaction, drops changes that expired before {@code purgeBeforeMillis}. */
    void issue(String tokenHash, long userId, String newEmail, long nowMillis, long expiresAtMillis,
               long purgeBeforeMillis);

    Optional<Change> find(String tokenHash);

    /**
     * In one transaction: unless another account has {@code newEmail}, marks the live link used
     * (conditionally: a racing click finds it used) and gives {@code userId} the new address.
     */
    Applied apply(String tokenHash, long userId, String newEmail, long nowMillis);
}
