package dev.sluice.web.account;

import dev.sluice.auth.EmailChange;
import dev.sluice.auth.EmailChangeRequest;
import dev.sluice.auth.EmailChangeResult;
import dev.sluice.model.User;
import dev.sluice.web.Caller;
import dev.sluice.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Changing the account's address: {@code POST /settings/email} mails a link to the new address;
 * the link opens {@code GET /settings/email/confirm?token=…}, which asks to confirm, and
 * {@code POST /settings/email/confirm} makes the change. The link works only for the account that
 * asked, logged in: someone else holding it is asked to log in (anonymous) or refused.
 */
public final class EmailForms {
    private final EmailChange change;
    private final SettingsPage page;
    private final Templates templates;

    EmailForms(EmailChange change, SettingsPage page, Templates templates) {
        this.change = change;
        this.page = page;
        this.templates = templates;
    }

    public void request(Context ctx) {
        User user = BrowserSession.required(ctx);
        switch (change.request(user, ctx.formParam("email"))) {
            case EmailChangeRequest.Sent sent -> page.redirect(ctx, user, SettingsMessage.Notice.ok("We mailed a link to "
                    + sent.newEmail() + ". Your address changes when you follow it, logged in as now."), SettingsPage.Section.EMAIL);
            case EmailChangeRequest.Taken taken -> page.refuse(ctx, user, HttpStatus.CONFLICT, taken.message());
            case EmailChangeRequest.Refused refused -> page.refuse(ctx, user, HttpStatus.BAD_REQUEST, refused.message());
            case EmailChangeRequest.Throttled throttled -> {
                long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
                ctx.header("Retry-After", Long.toString(throttled.retryAfter().toSeconds() + 1));
                page.refuse(ctx, user, HttpStatus.TOO_MANY_REQUESTS,
                        "Too many address changes asked for. No mail was sent; try again in " + minutes + " min.");
            }
        }
    }

    /** The page a link opens: what would change, and a button to confirm it. */
    public void confirmForm(Context ctx) {
        String token = ctx.queryParam("token");
        User user = Caller.user(ctx).orElse(null);
        if (user == null) {
            String next = EmailChange.CONFIRM_PATH + "?token=" + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8);
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        EmailChangeResult result = change.look(token);
        if (result instanceof EmailChangeResult.Live live && live.pending().userId() != user.id()) {
            result = new EmailChangeResult.Refused(EmailChangeResult.Reason.OTHER_ACCOUNT);
        }
        switch (result) {
            case EmailChangeResult.Live live -> templates.render(ctx, "settings-email",
                    Map.of("current", user.email(), "newEmail", live.pending().newEmail(), "token", token));
            case EmailChangeResult.Refused refused -> refused(ctx, refused.reason());
            case EmailChangeResult.Changed changed -> throw new IllegalStateException("looking at a link changes nothing");
        }
    }

    public void confirm(Context ctx) {
        User user = BrowserSession.required(ctx);
        switch (change.confirm(user, ctx.formParam("token"))) {
            case EmailChangeResult.Changed changed -> page.redirect(ctx, user, SettingsMessage.Notice.ok(
                    "Your address is now " + changed.newEmail() + ". Log in with it from now on."), SettingsPage.Section.EMAIL);
            case EmailChangeResult.Refused refused -> refused(ctx, refused.reason());
            case EmailChangeResult.Live live -> throw new IllegalStateException("a followed link is used or refused");
        }
    }

    private void refused(Context ctx, EmailChangeResult.Reason reason) {
        ctx.status(switch (reason) {
            case UNKNOWN -> HttpStatus.BAD_REQUEST;
            case USED, EXPIRED -> HttpStatus.GONE;
            case OTHER_ACCOUNT -> HttpStatus.FORBIDDEN;
            case TAKEN -> HttpStatus.CONFLICT;
        });
        templates.render(ctx, "settings-email", Map.of("refused", reason.message()));
    }
}
