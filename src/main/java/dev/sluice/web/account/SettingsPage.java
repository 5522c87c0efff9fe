package dev.sluice.web.account;

import dev.sluice.app.PipeImport;
import dev.sluice.auth.ApiToken;
import dev.sluice.auth.ApiTokens;
import dev.sluice.model.User;
import dev.sluice.plan.Plan;
import dev.sluice.plan.PlanLimits;
import dev.sluice.store.PipeRepository;
import dev.sluice.web.Caller;
import dev.sluice.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /settings}: the account's address, plan and limits, API tokens, export and import,
 * and deletion — and the one place that draws it, for the form routes that answer with it.
 */
public final class SettingsPage {
    /** The query parameter naming a {@link Flash} message. */
    static final String DONE = "done";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ApiTokens tokens;
    private final PlanLimits plans;
    private final PipeRepository pipes;
    private final Templates templates;
    private final Flash flash;

    SettingsPage(ApiTokens tokens, PlanLimits plans, PipeRepository pipes, Templates templates, Flash flash) {
        this.tokens = tokens;
        this.plans = plans;
        this.pipes = pipes;
        this.templates = templates;
        this.flash = flash;
    }

    public void show(Context ctx) {
        User user = Caller.required(ctx);
        SettingsMessage message = flash.take(user.id(), ctx.queryParam(DONE)).orElse(null);
        render(ctx, user, HttpStatus.OK, message);
    }

    /** Answers a form with a redirect to the page, showing {@code message} once, at {@code section}. */
    void redirect(Context ctx, User user, SettingsMessage message, Section section) {
        ctx.redirect("/settings?" + DONE + "=" + flash.put(user.id(), message) + "#" + section.anchor, HttpStatus.SEE_OTHER);
    }

    /** Answers a refused form with the page, its status and why. */
    void refuse(Context ctx, User user, HttpStatus status, String why) {
        render(ctx, user, status, SettingsMessage.Notice.problem(why));
    }

    private void render(Context ctx, User user, HttpStatus status, SettingsMessage message) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", user.email());
        model.put("plan", plan(user));
        model.put("tokens", tokens.list(user.id()).stream().map(SettingsPage::token).toList());
        switch (message) {
            case null -> { }
            case SettingsMessage.Notice notice -> {
                model.put("settingsNotice", notice.text());
                model.put("problem", notice.problem());
            }
            case SettingsMessage.TokenShown shown -> {
                model.put("newTokenName", shown.name());
                model.put("newToken", shown.value());
            }
            case SettingsMessage.ImportReport report -> {
                model.put("settingsNotice", "Imported " + report.imported() + " of " + report.outcomes().size()
                        + (report.outcomes().size() == 1 ? " pipe." : " pipes."));
                model.put("problem", report.imported() < report.outcomes().size());
                model.put("report", report.outcomes().stream().map(SettingsPage::row).toList());
            }
        }
        // The page may show a token's value: it must not be kept by the browser or any cache.
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        templates.render(ctx, "settings", model);
    }

    private Map<String, Object> plan(User user) {
        Plan plan = plans.planOf(user);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", plan.name());
        long ms = plan.runLimit().toMillis();
        m.put("runLimit", ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms");
        m.put("pipes", pipes.countByOwner(user.id()));
        m.put("maxPipes", plan.maxPipes());
        m.put("jsRendering", plan.jsRendering());
        return m;
    }

    private static Map<String, Object> token(ApiToken t) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("created", when(t.createdAt()));
        m.put("lastUsed", t.lastUsedAt() == null ? "never" : when(t.lastUsedAt()));
        return m;
    }

    private static Map<String, Object> row(PipeImport.Outcome outcome) {
        Map<String, Object> m = new HashMap<>();
        m.put("where", outcome.where());
        switch (outcome) {
            case PipeImport.Outcome.Imported imported -> {
                m.put("title", imported.pipe().title().isBlank() ? "Pipe " + imported.pipe().id() : imported.pipe().title());
                m.put("id", imported.pipe().id());
            }
            case PipeImport.Outcome.Refused refused -> {
                m.put("title", refused.title());
                m.put("reason", refused.reason());
            }
        }
        return m;
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** The page's sections, by their anchors in the template. */
    enum Section {
        EMAIL("email"), TOKENS("tokens"), TRANSFER("transfer"), DELETE("delete");

        final String anchor;

        Section(String anchor) {
            this.anchor = anchor;
        }
    }
}
