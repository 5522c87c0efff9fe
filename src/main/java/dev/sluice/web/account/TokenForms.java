package dev.sluice.web.account;

import dev.sluice.auth.ApiTokenRefused;
import dev.sluice.auth.ApiTokens;
import dev.sluice.auth.NewApiToken;
import dev.sluice.model.User;
import dev.sluice.web.Caller;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * API tokens from the settings page: {@code POST /settings/tokens} creates one and shows its value
 * once; {@code POST /settings/tokens/<id>/revoke} revokes one of the caller's own — another's is
 * "no such token", as it is to the JSON API.
 */
public final class TokenForms {
    private final ApiTokens tokens;
    private final SettingsPage page;

    TokenForms(ApiTokens tokens, SettingsPage page) {
        this.tokens = tokens;
        this.page = page;
    }

    public void create(Context ctx) {
        User user = Caller.required(ctx);
        NewApiToken created;
        try {
            created = tokens.create(user.id(), ctx.formParam("name"));
        } catch (ApiTokenRefused e) {
            page.refuse(ctx, user, HttpStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        page.redirect(ctx, user, new SettingsMessage.TokenShown(created.token().name(), created.value()), SettingsPage.Section.TOKENS);
    }

    public void revoke(Context ctx) {
        User user = Caller.required(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 0 || !tokens.revoke(user.id(), id)) {
            page.refuse(ctx, user, HttpStatus.NOT_FOUND, "No such API token: it may have been revoked already.");
            return;
        }
        page.redirect(ctx, user, SettingsMessage.Notice.ok("The token was revoked; it no longer works."), SettingsPage.Section.TOKENS);
    }
}
