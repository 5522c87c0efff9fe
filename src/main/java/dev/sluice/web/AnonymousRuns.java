package dev.sluice.web;

import dev.sluice.auth.RateLimit;
import dev.sluice.pipe.BlockSpec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.pipe.WebhookBlocks;
import dev.sluice.plan.Plan;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * Runs of the editor's inspector by visitors with no account, so they can try a pipe before
 * logging in. Anyone can start these, so each is kept cheap and bounded: the anonymous plan's run
 * limit and no JavaScript rendering; a budget of runs per client address; one shared share of the
 * concurrent runs for all visitors together; public pipes only for Pipe blocks; no Webhook blocks.
 * Nothing a visitor runs is stored. They can be switched off ({@code SLUICE_ANONYMOUS_RUNS=false}),
 * and then such runs are refused as before: log in first.
 */
final class AnonymousRuns {
    /**
     * Runs per client address within {@link #WINDOW}: a burst of 20, then one every 30 s. The
     * inspector runs on each selection and (debounced) edit, so this is a short session of trying
     * a pipe — and too little to use the server as someone's free feed fetcher.
     */
    static final int PER_IP = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /**
     * The one admission key of every anonymous run: visitors together take at most one account's
     * share of the concurrent runs, so they cannot crowd out the people with accounts.
     */
    static final String ADMISSION_KEY = "anonymous";
    /** What a visitor is told when the visitors' share is taken (the 503 adds "try again shortly"). */
    static final String CROWDED = "Too many people without an account are running pipes at once; log in to run with your own share";

    private final boolean enabled;
    private final Plan plan;
    private final RateLimit perIp;
    private final Csrf csrf;
    private final PipeReferences publicPipes;

    /**
     * @param enabled     whether visitors may run at all ({@code SLUICE_ANONYMOUS_RUNS})
     * @param perIp       the budget of runs per client address ({@link #PER_IP} per {@link #WINDOW})
     * @param publicPipes the pipes anyone may read
     */
    AnonymousRuns(boolean enabled, Plan plan, RateLimit perIp, Csrf csrf, PipeReferences publicPipes) {
        this.enabled = enabled;
        this.plan = plan;
        this.perIp = perIp;
        this.csrf = csrf;
        this.publicPipes = publicPipes;
    }

    /**
     * Lets a visitor's run go ahead, or refuses it: 401 when anonymous runs are off or the request
     * carries a token that was not accepted, 403 when the
     * request does not come from this site's pages, 429 with {@code Retry-After} when the
     * visitor's address has used its runs.
     */
    RunScope admit(Context ctx) {
        // A request with a token that was not accepted comes from an API client, not a visitor:
        // the token is what is wrong, so it is told that rather than run as someone else.
        if (!enabled || ctx.header("Authorization") != null) {
            throw new Unauthorized("Log in or send an API token");
        }
        // A logged-in request passes the origin check before any route; an anonymous one is
        // checked here, so another site cannot spend a visitor's runs and the server's fetches.
        csrf.checkOrigin(ctx);
        RateLimit.Verdict verdict = perIp.take(ctx.ip());
        if (!verdict.allowed()) {
            long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiError(429, "Too many runs from your address; try again in " + seconds
                    + " s. Logged in, there is no such limit");
        }
        return new RunScope(ADMISSION_KEY, publicPipes, plan.runLimit(), plan.jsRendering(), true);
    }

    /**
     * Refuses a visitor's pipe with a Webhook or Inbox block: the events a hook received (the
     * mail an inbox received) belong to the owner of the pipe it is in, and only a logged-in
     * owner may read them.
     */
    static void refuseWebhooks(PipeDoc doc) {
        for (BlockSpec block : doc.blocks()) {
            if (WebhookBlocks.TYPE.equals(block.type())) {
                throw new ApiError(403, "Webhook block " + block.label() + " needs an account: its events are its owner's. "
                        + "Log in to run this pipe", block.id());
            }
            if (WebhookBlocks.INBOX_TYPE.equals(block.type())) {
                throw new ApiError(403, "Inbox block " + block.label() + " needs an account: its mail is its owner's. "
                        + "Log in to run this pipe", block.id());
            }
        }
    }
}
