package dev.sluice.auth;

import dev.sluice.store.EmailChangeStore;
import java.time.Duration;
import java.time.InstantSource;

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

    private final EmailChangeStore store;
    private final TokenHasher hasher;
    private final InstantSource clock;

    public EmailChangeLinks(EmailChangeStore store, TokenHasher hasher, InstantSource clock) {
        this.store = store;
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
        store.issue(hasher.hash(token), userId, newEmail, now, now + VALIDITY.toMillis(), now - KEEP_SPENT.toMillis());
        return token;
    }

    /** The live change this token stands for, without using it up; or why there is none. */
    EmailChangeResult peek(String token) {
        if (!RandomTokens.wellFormed(token)) {
            return new EmailChangeResult.Refused(EmailChangeResult.Reason.UNKNOWN);
        }
        long now = clock.millis();
        return store.find(hasher.hash(token)).<EmailChangeResult>map(change -> {
            if (change.usedAtMillis() != null) {
                return new EmailChangeResult.Refused(EmailChangeResult.Reason.USED);
            }
            if (change.expiresAtMillis() <= now) {
                return new EmailChangeResult.Refused(EmailChangeResult.Reason.EXPIRED);
            }
            return new EmailChangeResult.Live(new Pending(change.userId(), change.newEmail()));
        }).orElseGet(() -> new EmailChangeResult.Refused(EmailChangeResult.Reason.UNKNOWN));
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
        String newEmail = live.pending().newEmail();
        EmailChangeStore.Applied applied = store.apply(hasher.hash(token), userId, newEmail, clock.millis());
        return switch (applied.outcome()) {
            case CHANGED -> new EmailChangeResult.Changed(applied.oldEmail(), newEmail);
            case TAKEN -> new EmailChangeResult.Refused(EmailChangeResult.Reason.TAKEN);
            // Another click got there first.
            case ALREADY_USED -> new EmailChangeResult.Refused(EmailChangeResult.Reason.USED);
        };
    }
}
