package dev.sluice.auth;

import dev.sluice.store.SecretStore;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server secrets in the {@code secrets} table: each is 256 random bits generated the
 * first time it is asked for and kept from then on. A secret made per boot would silently end
 * every session and void every link at each restart.
 */
public final class ServerSecrets {
    /** The key of the HMAC that login-link tokens and session ids are stored under. */
    public static final String TOKEN_PEPPER = "token-pepper";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretStore store;
    private final InstantSource clock;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    public ServerSecrets(SecretStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The secret called {@code name}, created and stored on first use. */
    public byte[] get(String name) {
        return loaded.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // When two processes start at once on one database, both end up with whichever secret
        // was stored first.
        String stored = store.putIfAbsent(name, Base64.getEncoder().encodeToString(fresh), clock.millis());
        return Base64.getDecoder().decode(stored);
    }
}
