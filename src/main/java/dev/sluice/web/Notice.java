package dev.sluice.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * The short message a page shows after an action redirected to it (POST/redirect/GET): the
 * layout shows it on whatever page the URL's {@code ?notice=<code>} names it, so news without a
 * page of its own (the account is deleted, the session gone) appears too. Only the code travels
 * in the URL, so a crafted link can show nothing but these texts.
 */
public enum Notice {
    LIKED("liked", "You like this pipe."),
    UNLIKED("unliked", "You no longer like this pipe."),
    SHARED("shared", "The pipe is public now: it is in the gallery and its feed needs no key."),
    UNSHARED("unshared", "The pipe is private now."),
    NEEDS_TITLE("needs-title", "Give the pipe a title before sharing it."),
    TAGS_SAVED("tags-saved", "Tags saved."),
    TAGS_REFUSED("tags-refused", "Tags not saved: a pipe can have at most 20 tags of up to 40 characters each."),
    FORKED("forked", "This is your private copy; change it as you like."),
    COPY_REFUSED("copy-refused", "The pipe could not be copied: it uses a pipe you may not read."),
    PLAN_LIMIT("plan-limit", "Your plan allows no more pipes; delete one to make room."),
    DELETED("deleted", "The pipe was deleted."),
    ROLLED_BACK("rolled-back", "The old version is the current one again (saved as a new version)."),
    ALERTS_SAVED("alerts-saved", "Alert settings saved."),
    ALERTS_REFUSED("alerts-refused", "Alert settings not saved: the hours without a new item must be a whole number from 0 (off) to 8760."),
    ROLLBACK_REFUSED("rollback-refused", "That version cannot be restored: it is no longer valid."),
    ACCOUNT_DELETED("account-deleted", "Your account and everything in it have been deleted. Thank you for using Sluice.");

    static final String PARAMETER = "notice";

    private final String code;
    private final String text;

    Notice(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The notice a page was asked to show, if its code is known. */
    static Optional<Notice> of(Context ctx) {
        String code = ctx.queryParam(PARAMETER);
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
    }

    /** Answers a form POST: 303 to {@code path}, which then shows this notice. */
    public void redirect(Context ctx, String path) {
        ctx.redirect(path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + code, HttpStatus.SEE_OTHER);
    }
}
