package dev.sluice.auth;

import dev.sluice.store.Database;
import dev.sluice.store.User;
import dev.sluice.store.UserRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for {@code Authorization: Bearer} (SPEC §12). A token is {@code slu_} followed by
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

    private final Database db;
    private final UserRepository users;
    private final InstantSource clock;

    public ApiTokens(Database db, UserRepository users, InstantSource clock) {
        this.db = db;
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
        long id = db.transaction(c -> {
            if (liveCount(c, userId) >= MAX_LIVE_PER_USER) {
                throw new ApiTokenRefused("You already have " + MAX_LIVE_PER_USER + " API tokens; revoke one first");
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                st.setLong(1, userId);
                st.setString(2, label);
                st.setString(3, SecretTokens.sha256Hex(value));
                st.setLong(4, now);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new NewApiToken(new ApiToken(id, userId, label, Instant.ofEpochMilli(now), null), value);
    }

    /** The user's tokens that still work, newest first. */
    public List<ApiToken> list(long userId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, user_id, name, created_at, last_used_at FROM api_tokens "
                    + "WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id DESC")) {
                st.setLong(1, userId);
                List<ApiToken> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long used = rs.getLong("last_used_at");
                        Instant lastUsed = rs.wasNull() ? null : Instant.ofEpochMilli(used);
                        out.add(new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                                Instant.ofEpochMilli(rs.getLong("created_at")), lastUsed));
                    }
                }
                return out;
            }
        });
    }

    /** Revokes the user's token {@code tokenId}; false when there is no such live token of theirs. */
    public boolean revoke(long userId, long tokenId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")) {
                st.setLong(1, clock.millis());
                st.setLong(2, tokenId);
                st.setLong(3, userId);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** The user a live (not revoked) token belongs to; empty otherwise. */
    public Optional<User> userFor(String token) {
        // Anything that is not shaped like a token is refused before hashing or touching the database.
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = SecretTokens.sha256Hex(token);
        long now = clock.millis();
        Optional<Long> userId = db.read(c -> {
            long id;
            long owner;
            Long lastUsed;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                st.setString(1, hash);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getLong("id");
                    owner = rs.getLong("user_id");
                    long used = rs.getLong("last_used_at");
                    lastUsed = rs.wasNull() ? null : used;
                }
            }
            if (lastUsed == null || now - lastUsed >= TOUCH_INTERVAL.toMillis()) {
                touch(c, id, now);
            }
            return Optional.of(owner);
        });
        return userId.flatMap(users::find);
    }

    private static void touch(Connection c, long id, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")) {
            st.setLong(1, now);
            st.setLong(2, id);
            st.executeUpdate();
        }
    }

    private static int liveCount(Connection c, long userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT COUNT(*) FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
