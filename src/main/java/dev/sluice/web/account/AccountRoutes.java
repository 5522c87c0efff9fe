package dev.sluice.web.account;

import dev.sluice.app.PipeImport;
import dev.sluice.app.PipeService;
import dev.sluice.auth.ApiTokens;
import dev.sluice.auth.EmailChange;
import dev.sluice.output.FeedOutputs;
import dev.sluice.plan.PlanLimits;
import dev.sluice.store.AccountDeletion;
import dev.sluice.store.PipeRepository;
import dev.sluice.web.Templates;
import java.time.InstantSource;

/**
 * The account's routes, built together because they share the settings page they answer with.
 * {@code WebServer} registers each handler.
 */
public record AccountRoutes(SettingsPage settings, EmailForms email, TokenForms tokens, ExportDownload export,
                            ImportUpload importer, AccountDeletionForm deletion, OpmlDownload opml) {

    /** What the routes need. */
    public record Needs(PipeService pipes, PipeRepository pipeRepository, FeedOutputs outputs, PlanLimits plans,
                        ApiTokens tokens, EmailChange emailChange, AccountDeletion accountDeletion,
                        InstantSource clock, String baseUrl) {
    }

    public static AccountRoutes create(Needs n) {
        Templates templates = new Templates();
        SettingsPage page = new SettingsPage(n.tokens(), n.plans(), n.pipeRepository(), templates, new Flash());
        return new AccountRoutes(page,
                new EmailForms(n.emailChange(), page, templates),
                new TokenForms(n.tokens(), page),
                new ExportDownload(n.pipeRepository(), n.clock()),
                new ImportUpload(new PipeImport(n.pipes()), page),
                new AccountDeletionForm(n.accountDeletion(), n.pipes(), page),
                new OpmlDownload(n.pipeRepository(), n.outputs(), n.clock(), n.baseUrl()));
    }
}
