package dev.sluice.auth;

import dev.sluice.store.Database;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server secrets (SPEC §15) in the {@code secrets} table: each is 256 random bits generated the
 * first time it is asked for and kept from then on. A secret made per boot would silently end
 * every session and void every link at each restart.
 */
public final class SecretStore {
    /** The key of the HMAC that login-link tokens and session ids are stored under. */
    public static final String TOKEN_PEPPER = "token-pepper";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final InstantSource clock;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    public SecretStore(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The secret called {@code name}, created and stored on first use. */
    public byte[] get(String name) {
        return loaded.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // INSERT OR IGNORE then read: when two processes start at once on one database, both end
        // up with whichever secret was stored first.
        String stored = db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                st.setString(1, name);
                st.setString(2, Base64.getEncoder().encodeToString(fresh));
                st.setLong(3, clock.millis());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT value FROM secrets WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        return Base64.getDecoder().decode(stored);
    }
}
