package dev.sluice.ops;

import dev.sluice.store.FirstSeenRepository;
import dev.sluice.store.Sweep;
import java.time.Duration;
import java.util.List;

/** What expires, and when. Webhook events have their own job (hook.HookRetention). */
public final class Sweeps {
    /**
     * First-seen dates older than this are forgotten (90 days). Dates a running server
     * still holds in memory stay in use until evicted, which only keeps them stable longer.
     */
    public static final Duration FIRST_SEEN = FirstSeenRepository.KEEP;
    /**
     * Last good outputs not recomputed for this long: the pipe's feed has not been asked for
     * (or has failed) for three months; its next request simply runs it again.
     */
    public static final Duration LAST_OUTPUTS = Duration.ofDays(90);
    /** Used or expired links stay a day, so a late click is told "expired" rather than "unknown". */
    public static final Duration LINKS = Duration.ofDays(1);
    /** Revoked API tokens stay listed (as revoked) this long. */
    public static final Duration REVOKED_TOKENS = Duration.ofDays(30);
    /** Pipe health: incidents over this long ago go, with their alert notices (the run history keeps itself to 50 per pipe). */
    public static final Duration CLEARED_INCIDENTS = Duration.ofDays(90);

    private Sweeps() {
    }

    public static List<Sweep> standard() {
        return List.of(
                Sweep.of("sessions", "sessions", "expires_at", Duration.ZERO),
                Sweep.of("login links", "login_links", "expires_at", LINKS),
                Sweep.of("e-mail changes", "email_changes", "expires_at", LINKS),
                Sweep.of("revoked tokens", "api_tokens", "revoked_at", REVOKED_TOKENS),
                Sweep.of("last outputs", "last_outputs", "computed_at", LAST_OUTPUTS),
                new Sweep("first-seen dates", "first_seen", "(pipe_id, block_id, guid)", "first_seen_at", FIRST_SEEN),
                new Sweep("cleared incidents", "pipe_incidents", "(id)", "cleared_at", CLEARED_INCIDENTS));
    }
}
