package dev.sluice.auth;

import dev.sluice.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Links that confirm a change of e-mail address: like login links, a random 256-bit token stored
 * only as its hash, single use, valid for {@link #VALIDITY}. Each link belongs to one account and
 * works only for it. Using a link and changing the address happen in one transaction, so a link
 * is never spent on a change that did not happen.
 */
public final class EmailChangeLinks {
    public static final Duration VALIDITY = Duration.ofHours(1);
    /** Spent and expired links are kept this long, so a late click is told why the link no longer works. */
    static final Duration KEEP_SPENT = Duration.ofDays(1);

    private final Database db;
    private final TokenHasher hasher;
    private final InstantSource clock;

    public EmailChangeLinks(Database db, TokenHasher hasher, InstantSource clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A pending change as a link shows it. */
    public record Pending(long userId, String newEmail) {
    }

    /** Stores a link changing {@code userId}'s address to {@code newEmail}; returns its token. */
    String issue(long userId, String newEmail) {
        String token = RandomTokens.next();
        long now = clock.millis();
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO email_changes "
                    + "(token_hash, user_id, new_email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setString(1, hasher.hash(token));
                st.setLong(2, userId);
                st.setString(3, newEmail);
                st.setLong(4, now);
                st.setLong(5, now + VALIDITY.toMillis());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM email_changes WHERE expires_at < ?")) {
                st.setLong(1, now - KEEP_SPENT.toMillis());
                st.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** The live change this token stands for, without using it up; or why there is none. */
    EmailChangeResult peek(String token) {
        if (!RandomTokens.wellFormed(token)) {
            return new EmailChangeResult.Refused(EmailChangeResult.Reason.UNKNOWN);
        }
        String hash = hasher.hash(token);
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT user_id, new_email, used_at, expires_at FROM email_changes WHERE token_hash = ?")) {
                st.setString(1, hash);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return new EmailChangeResult.Refused(EmailChangeResult.Reason.UNKNOWN);
                    }
                    rs.getLong("used_at");
                    if (!rs.wasNull()) {
                        return new EmailChangeResult.Refused(EmailChangeResult.Reason.USED);
                    }
                    if (rs.getLong("expires_at") <= now) {
                        return new EmailChangeResult.Refused(EmailChangeResult.Reason.EXPIRED);
                    }
                    return new EmailChangeResult.Live(new Pending(rs.getLong("user_id"), rs.getString("new_email")));
                }
            }
        });
    }

    /**
     * Uses the link and changes the address of its account, which must be {@code userId}'s, in
     * one transaction. A link of another account is refused and stays usable; when the address
     * has meanwhile been taken by another account, nothing changes and the link stays usable.
     */
    EmailChangeResult redeem(String token, long userId) {
        EmailChangeResult found = peek(token);
        if (!(found instanceof EmailChangeResult.Live live)) {
            return found;
        }
        if (live.pending().userId() != userId) {
            return new EmailChangeResult.Refused(EmailChangeResult.Reason.OTHER_ACCOUNT);
        }
        String hash = hasher.hash(token);
        long now = clock.millis();
        String newEmail = live.pending().newEmail();
        return db.transaction(c -> {
            if (takenByAnother(c, newEmail, userId)) {
                return new EmailChangeResult.Refused(EmailChangeResult.Reason.TAKEN);
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE email_changes SET used_at = ? "
                    + "WHERE token_hash = ? AND user_id = ? AND used_at IS NULL AND expires_at > ?")) {
                st.setLong(1, now);
                st.setString(2, hash);
                st.setLong(3, userId);
                st.setLong(4, now);
                if (st.executeUpdate() == 0) {
                    // Another click got there first.
                    return new EmailChangeResult.Refused(EmailChangeResult.Reason.USED);
                }
            }
            String oldEmail = emailOf(c, userId).orElseThrow();
            try (PreparedStatement st = c.prepareStatement("UPDATE users SET email = ? WHERE id = ?")) {
                st.setString(1, newEmail);
                st.setLong(2, userId);
                st.executeUpdate();
            }
            return new EmailChangeResult.Changed(oldEmail, newEmail);
        });
    }

    private static boolean takenByAnother(Connection c, String email, long userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM users WHERE email = ? AND id <> ?")) {
            st.setString(1, email);
            st.setLong(2, userId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<String> emailOf(Connection c, long userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
