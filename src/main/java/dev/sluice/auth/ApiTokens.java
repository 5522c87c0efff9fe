package dev.sluice.auth;

import dev.sluice.store.Database;
import dev.sluice.store.User;
import dev.sluice.store.UserRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API tokens for {@code Authorization: Bearer} (SPEC §12), stored hashed: {@code api_tokens.token_hash}
 * is the lowercase hex SHA-256 of the token's UTF-8 bytes. MINIMAL — only the lookup the JSON API
 * needs; the tokens work (creation, revocation, last use) replaces this class.
 */
public class ApiTokens {
    private final Database db;
    private final UserRepository users;

    public ApiTokens(Database db, UserRepository users) {
        this.db = db;
        this.users = users;
    }

    /** The user a live (not revoked) token belongs to; empty otherwise. */
    public Optional<User> userFor(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = sha256Hex(token);
        Optional<Long> userId = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                st.setString(1, hash);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
        return userId.flatMap(users::find);
    }

    private static String sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
