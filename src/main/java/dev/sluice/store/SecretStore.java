package dev.sluice.store;

/** The {@code secrets} table: server secrets, generated once and kept for good. */
public interface SecretStore {

    /**
     * Stores {@code value} as secret {@code name} unless one is stored already, and answers the
     * stored one: when two processes start at once on one database, both end up with the same.
     */
    String putIfAbsent(String name, String value, long createdAtMillis);
}
