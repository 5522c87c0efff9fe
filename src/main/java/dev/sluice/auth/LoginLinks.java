package dev.sluice.auth;

import dev.sluice.auth.LinkRedemption.Accepted;
import dev.sluice.auth.LinkRedemption.Reason;
import dev.sluice.auth.LinkRedemption.Refused;
import dev.sluice.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Single-use login links (SPEC §12): a random 256-bit token, stored only as its hash, valid for
 * 15 minutes. Use is recorded by one conditional UPDATE, so of two clicks racing on the same
 * link exactly one logs in.
 */
public final class LoginLinks {
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    /** Spent links are kept this long so a second click can be told "already used", not "unknown". */
    static final Duration KEEP_SPENT = Duration.ofDays(1);

    private final Database db;
    private final TokenHasher hasher;
    private final InstantSource clock;

    public LoginLinks(Database db, TokenHasher hasher, InstantSource clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Stores a new link for {@code email} and returns its token. {@code nextPath} may be null. */
    public String issue(String email, String nextPath) {
        String token = RandomTokens.next();
        long now = clock.millis();
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO login_links (token_hash, email, next_path, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setString(1, hasher.hash(token));
                st.setString(2, email);
                st.setString(3, nextPath);
                st.setLong(4, now);
                st.setLong(5, now + VALIDITY.toMillis());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM login_links WHERE expires_at < ?")) {
                st.setLong(1, now - KEEP_SPENT.toMillis());
                st.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** Uses up the link with this token, if it is live. */
    public LinkRedemption redeem(String token) {
        if (!RandomTokens.wellFormed(token)) {
            return new Refused(Reason.UNKNOWN);
        }
        String hash = hasher.hash(token);
        long now = clock.millis();
        // Auto-commit: the UPDATE alone decides; the look-up after a miss only picks the message.
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE login_links SET used_at = ? "
                    + "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING email, next_path")) {
                st.setLong(1, now);
                st.setString(2, hash);
                st.setLong(3, now);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return new Accepted(rs.getString("email"), rs.getString("next_path"));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT used_at FROM login_links WHERE token_hash = ?")) {
                st.setString(1, hash);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return new Refused(Reason.UNKNOWN);
                    }
                    rs.getLong("used_at");
                    return new Refused(rs.wasNull() ? Reason.EXPIRED : Reason.USED);
                }
            }
        });
    }
}
