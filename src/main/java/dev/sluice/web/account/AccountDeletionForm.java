package dev.sluice.web.account;

import dev.sluice.app.PipeService;
import dev.sluice.auth.Sessions;
import dev.sluice.model.User;
import dev.sluice.store.AccountDeletion;
import dev.sluice.web.Notice;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;

/**
 * {@code POST /settings/delete}: deletes the account and everything it owns once its owner typed
 * the account's address (a typed confirmation, so a slip of the mouse cannot do it), then ends
 * the browser's session and says goodbye on the front page.
 */
public final class AccountDeletionForm {
    static final String CONFIRM_FIELD = "confirm";

    private final AccountDeletion deletion;
    private final PipeService pipes;
    private final SettingsPage page;

    AccountDeletionForm(AccountDeletion deletion, PipeService pipes, SettingsPage page) {
        this.deletion = deletion;
        this.pipes = pipes;
        this.page = page;
    }

    public void delete(Context ctx) {
        User user = BrowserSession.required(ctx);
        String typed = ctx.formParam(CONFIRM_FIELD);
        if (typed == null || !typed.strip().toLowerCase(Locale.ROOT).equals(user.email())) {
            page.refuse(ctx, user, HttpStatus.BAD_REQUEST, "Nothing was deleted: type your address, "
                    + user.email() + ", to confirm that the account should go.");
            return;
        }
        deletion.delete(user.id()).ifPresent(deleted -> deleted.pipeIds().forEach(pipes::forget));
        // The session is gone from the database already; the browser may forget its cookie too.
        ctx.removeCookie(Sessions.COOKIE, "/");
        Notice.ACCOUNT_DELETED.redirect(ctx, "/");
    }
}
