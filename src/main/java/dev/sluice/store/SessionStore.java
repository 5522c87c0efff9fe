package dev.sluice.store;

import java.util.Optional;

/** The {@code sessions} table: a browser session's id is stored only as its hash. */
public interface SessionStore {

    /** A stored session as a look-up finds it. */
    record Session(long userId, long lastSeenAtMillis) {
    }

    /** Stores a new session and, in the same transaction, drops the sessions expired by {@code nowMillis}. */
    void start(String idHash, long userId, long nowMillis, long expiresAtMillis);

    /** The session with this hash that is still live at {@code nowMillis}. */
    Optional<Session> live(String idHash, long nowMillis);

    /** Records a use: moves the last-seen time and the expiry. */
    void renew(String idHash, long nowMillis, long expiresAtMillis);

    void delete(String idHash);

    /** Deletes every session of the user; answers how many there were. */
    int deleteAllOf(long userId);
}
