package dev.sluice.web.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * The short message a page shows after an action redirected to it (POST/redirect/GET). Only
 * its code travels in the URL, so a crafted link can show nothing but these texts.
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
    ROLLBACK_REFUSED("rollback-refused", "That version cannot be restored: it is no longer valid.");

    private final String code;
    private final String text;

    Notice(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The notice a page was asked to show, if its code is known. */
    static Optional<Notice> of(Context ctx) {
        String code = ctx.queryParam("notice");
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
    }

    /** The text to show on this request's page, or null. */
    static String textOf(Context ctx) {
        return of(ctx).map(Notice::text).orElse(null);
    }

    /** Answers a form POST: 303 to {@code path}, which then shows this notice. */
    void redirect(Context ctx, String path) {
        ctx.redirect(path + (path.contains("?") ? "&" : "?") + "notice=" + code, HttpStatus.SEE_OTHER);
    }
}
