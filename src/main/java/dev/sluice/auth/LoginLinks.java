package dev.sluice.auth;

import dev.sluice.auth.LinkRedemption.Accepted;
import dev.sluice.auth.LinkRedemption.Reason;
import dev.sluice.auth.LinkRedemption.Refused;
import dev.sluice.store.LoginLinkStore;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Single-use login links: a random 256-bit token, stored only as its hash, valid for
 * 15 minutes. Use is recorded by one conditional UPDATE, so of two clicks racing on the same
 * link exactly one logs in.
 */
public final class LoginLinks {
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    /** Spent links are kept this long so a second click can be told "already used", not "unknown". */
    static final Duration KEEP_SPENT = Duration.ofDays(1);

    private final LoginLinkStore store;
    private final TokenHasher hasher;
    private final InstantSource clock;

    public LoginLinks(LoginLinkStore store, TokenHasher hasher, InstantSource clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Stores a new link for {@code email} and returns its token. {@code nextPath} may be null. */
    public String issue(String email, String nextPath) {
        String token = RandomTokens.next();
        long now = clock.millis();
        store.issue(hasher.hash(token), email, nextPath, now, now + VALIDITY.toMillis(), now - KEEP_SPENT.toMillis());
        return token;
    }

    /** Uses up the link with this token, if it is live. */
    public LinkRedemption redeem(String token) {
        if (!RandomTokens.wellFormed(token)) {
            return new Refused(Reason.UNKNOWN);
        }
        String hash = hasher.hash(token);
        long now = clock.millis();
        // The conditional update alone decides; the look-up after a miss only picks the message.
        return store.use(hash, now).<LinkRedemption>map(used -> new Accepted(used.email(), used.nextPath()))
                .orElseGet(() -> new Refused(switch (store.whyUnusable(hash)) {
                    case UNKNOWN -> Reason.UNKNOWN;
                    case EXPIRED -> Reason.EXPIRED;
                    case USED -> Reason.USED;
                }));
    }
}
