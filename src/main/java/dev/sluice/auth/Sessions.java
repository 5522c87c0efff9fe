package dev.sluice.auth;

import dev.sluice.model.User;
import dev.sluice.store.SessionStore;
import dev.sluice.store.UserRepository;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Server-side sessions: the browser holds a random 256-bit id, the database only its
 * hash, so sessions survive restarts and a leaked database opens none. A session lives 30 days
 * from its last use; the expiry moves at most once an hour, so an active user costs one write
 * an hour, not one per request.
 */
public class Sessions {
    /** The session cookie's name. */
    public static final String COOKIE = "sluice_session";
    /** How long a session lives after its last use. */
    public static final Duration LIFETIME = Duration.ofDays(30);
    /** The least time between two moves of a session's expiry. */
    static final Duration RENEW_EVERY = Duration.ofHours(1);

    private final SessionStore store;
    private final UserRepository users;
    private final TokenHasher hasher;
    private final InstantSource clock;

    public Sessions(SessionStore store, UserRepository users, TokenHasher hasher, InstantSource clock) {
        this.store = store;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * A live session found by its cookie.
     *
     * @param renewed true when this use moved the expiry: the cookie should be sent again so the
     *                browser's copy lives as long as the server's
     */
    public record Live(User user, boolean renewed) {
    }

    /** Starts a session for the user; returns the id for the cookie (never stored as such). */
    public String start(long userId) {
        String id = RandomTokens.next();
        long now = clock.millis();
        // Logins are rare, so they are a fine moment to drop the sessions nobody will use again.
        store.start(hasher.hash(id), userId, now, now + LIFETIME.toMillis());
        return id;
    }

    /** The user of a live session, from the cookie's value; empty when unknown or expired. */
    public Optional<User> userFor(String cookieValue) {
        return resume(cookieValue).map(Live::user);
    }

    /** Finds a live session and, when its last renewal is an hour old, extends it by {@link #LIFETIME}. */
    public Optional<Live> resume(String cookieValue) {
        if (!RandomTokens.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        String hash = hasher.hash(cookieValue);
        long now = clock.millis();
        Optional<SessionStore.Session> row = store.live(hash, now);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        boolean due = now - row.get().lastSeenAtMillis() >= RENEW_EVERY.toMillis();
        if (due) {
            renew(hash, now);
        }
        return users.find(row.get().userId()).map(u -> new Live(u, due));
    }

    /** Ends the session with this cookie value, if there is one. */
    public void end(String cookieValue) {
        if (!RandomTokens.wellFormed(cookieValue)) {
            return;
        }
        store.delete(hasher.hash(cookieValue));
    }

    /** Ends every session of the user ("log out everywhere"); returns how many there were. */
    public int endAll(long userId) {
        return store.deleteAllOf(userId);
    }

    private void renew(String hash, long now) {
        store.renew(hash, now, now + LIFETIME.toMillis());
    }
}
