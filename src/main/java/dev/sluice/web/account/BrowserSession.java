package dev.sluice.web.account;

import dev.sluice.model.User;
import dev.sluice.web.ApiError;
import dev.sluice.web.Caller;
import io.javalin.http.Context;

/**
 * The caller of a form that only a person in their browser may send: changing the account's
 * address or deleting it. An API token (a script's key, perhaps leaked) is refused for these,
 * so it can never take the account itself away.
 */
final class BrowserSession {
    private BrowserSession() {
    }

    /** The logged-in user; anonymous callers are sent to log in, token callers refused (403). */
    static User required(Context ctx) {
        User user = Caller.required(ctx);
        if (Caller.of(ctx).orElseThrow().viaToken()) {
            throw new ApiError(403, "This needs you logged in on the website; an API token cannot change or delete the account");
        }
        return user;
    }
}
