package dev.sluice.web.page;

import dev.sluice.app.PipeService;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.LastRun;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.output.FeedOutputs;
import dev.sluice.plan.Plan;
import dev.sluice.plan.PlanLimits;
import dev.sluice.store.PipeLikes;
import dev.sluice.store.PipeRuns;
import dev.sluice.web.Caller;
import dev.sluice.web.Templates;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /mypipes}: the logged-in user's pipes — each with its thumbnail, sharing, tags, last
 * run and feed URL — and how many more their plan allows. Anonymous visitors are sent to log in.
 */
public final class DashboardPage {
    private final PipeService pipes;
    private final FeedOutputs outputs;
    private final PipeLikes likes;
    private final PipeRuns runs;
    private final PlanLimits plans;
    private final Templates templates;
    private final InstantSource clock;
    private final dev.sluice.health.PipeHealth health;

    public DashboardPage(PipeService pipes, FeedOutputs outputs, PipeLikes likes, PipeRuns runs, PlanLimits plans,
                         Templates templates, InstantSource clock, dev.sluice.health.PipeHealth health) {
        this.health = health;
        this.pipes = pipes;
        this.outputs = outputs;
        this.likes = likes;
        this.runs = runs;
        this.plans = plans;
        this.templates = templates;
        this.clock = clock;
    }

    /** One pipe on the dashboard. */
    public record Card(String id, String title, boolean isPublic, List<String> tags, int likes, RunStatusView lastRun,
                       String feedUrl, String thumbnail, HealthView health) {
    }

    public void show(Context ctx) {
        User user = Caller.required(ctx);
        List<StoredPipe> own = pipes.listByOwner(user.id());
        Map<String, Integer> likeCounts = likes.countsForOwner(user.id());
        Map<String, LastRun> lastRuns = runs.forOwner(user.id());
        Map<String, dev.sluice.health.Health> healths = health.ofOwner(user.id(), own.stream().map(StoredPipe::id).toList());
        Instant now = clock.instant();
        List<Card> cards = own.stream().map(p -> new Card(p.id(), PipePage.displayTitle(p), p.isPublic(), p.tags(),
                likeCounts.getOrDefault(p.id(), 0), RunStatusView.of(lastRuns.get(p.id()), now),
                outputs.feedUrl(p, OutputFormat.RSS), PipePage.thumbnailUrl(p.id(), p.version()),
                HealthView.of(healths.get(p.id())))).toList();
        Plan plan = plans.planOf(user);
        Map<String, Object> model = new HashMap<>();
        model.put("email", user.email());
        model.put("pipes", cards);
        model.put("count", cards.size());
        model.put("plan", plan.name());
        model.put("maxPipes", plan.maxPipes());
        model.put("canCreate", cards.size() < plan.maxPipes());
        templates.render(ctx, "mypipes", model);
    }
}
