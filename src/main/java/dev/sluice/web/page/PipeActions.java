package dev.sluice.web.page;

import dev.sluice.app.PipeService;
import dev.sluice.app.Tags;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.plan.PlanLimitExceeded;
import dev.sluice.store.PipeLikes;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.PipeVersions;
import dev.sluice.web.Caller;
import dev.sluice.web.NotFound;
import dev.sluice.web.Notice;
import dev.sluice.web.PipeAccess;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The form actions of the pipe page, each a POST answered by a redirect with a {@link Notice}
 * (POST/redirect/GET), so they work without JavaScript and a reload repeats nothing. The rules
 * are the JSON API's: {@link PipeAccess} decides who may, {@link PipeService} saves.
 */
public final class PipeActions {
    private final PipeService pipes;
    private final PipeAccess access;
    private final PipeLikes likes;
    private final PipeVersions versions;

    public PipeActions(PipeService pipes, PipeAccess access, PipeLikes likes, PipeVersions versions) {
        this.pipes = pipes;
        this.access = access;
        this.likes = likes;
        this.versions = versions;
    }

    /** {@code POST /pipe/<id>/like} and {@code /unlike}: others' public pipes. */
    public void like(Context ctx, boolean like) {
        if (sentToLogIn(ctx)) {
            return;
        }
        StoredPipe pipe = access.like(ctx, likes, like);
        (like ? Notice.LIKED : Notice.UNLIKED).redirect(ctx, pageOf(pipe));
    }

    /**
     * {@code POST /pipe/<id>/share} (with an optional {@code title}, asked for while the pipe has
     * none) and {@code /unshare}.
     */
    public void share(Context ctx, boolean isPublic) {
        if (sentToLogIn(ctx)) {
            return;
        }
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can share or unshare it");
        String title = Optional.ofNullable(ctx.formParam("title")).map(String::strip).filter(t -> !t.isEmpty())
                .orElse(pipe.title());
        if (isPublic && title.isBlank()) {
            Notice.NEEDS_TITLE.redirect(ctx, pageOf(pipe));
            return;
        }
        pipes.updateDetails(pipe, new PipeRepository.Details(title, pipe.description(), isPublic, pipe.tags()));
        (isPublic ? Notice.SHARED : Notice.UNSHARED).redirect(ctx, pageOf(pipe));
    }

    /** {@code POST /pipe/<id>/tags} with {@code tags}: the whole set, comma-separated (empty removes all). */
    public void tags(Context ctx) {
        if (sentToLogIn(ctx)) {
            return;
        }
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can tag it");
        String typed = Optional.ofNullable(ctx.formParam("tags")).orElse("");
        List<String> tags;
        try {
            tags = Tags.normalise(Arrays.asList(typed.split(",")));
        } catch (IllegalArgumentException e) {
            Notice.TAGS_REFUSED.redirect(ctx, pageOf(pipe));
            return;
        }
        pipes.updateDetails(pipe, new PipeRepository.Details(pipe.title(), pipe.description(), pipe.isPublic(), tags));
        Notice.TAGS_SAVED.redirect(ctx, pageOf(pipe));
    }

    /** {@code POST /pipe/<id>/fork}: a private copy of a pipe the caller may read. */
    public void fork(Context ctx) {
        if (sentToLogIn(ctx)) {
            return;
        }
        copy(ctx, access.readable(ctx));
    }

    /** {@code POST /pipe/<id>/duplicate}: the owner's copy of their own pipe. */
    public void duplicate(Context ctx) {
        if (sentToLogIn(ctx)) {
            return;
        }
        copy(ctx, access.owned(ctx, "Only the pipe's owner can duplicate it; fork it instead"));
    }

    /** {@code POST /pipe/<id>/delete}: after the confirmation page. */
    public void delete(Context ctx) {
        if (sentToLogIn(ctx)) {
            return;
        }
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can delete it");
        pipes.delete(pipe.id());
        Notice.DELETED.redirect(ctx, "/mypipes");
    }

    /** {@code POST /pipe/<id>/versions/<n>/rollback}: saves version n's blocks as a new version. */
    public void rollback(Context ctx) {
        if (sentToLogIn(ctx)) {
            return;
        }
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can restore its versions");
        PipeVersions.Snapshot old = parseVersion(ctx.pathParam("version")).flatMap(n -> versions.find(pipe.id(), n))
                .orElseThrow(() -> new NotFound("No such version"));
        try {
            pipes.update(pipe, new PipeRepository.Draft(pipe.title(), pipe.description(), old.json(), pipe.isPublic(),
                    pipe.tags()));
        } catch (PipeFormatException e) {
            Notice.ROLLBACK_REFUSED.redirect(ctx, pageOf(pipe));
            return;
        }
        Notice.ROLLED_BACK.redirect(ctx, pageOf(pipe));
    }

    private void copy(Context ctx, StoredPipe source) {
        User user = Caller.required(ctx);
        try {
            StoredPipe copy = pipes.fork(source, user);
            Notice.FORKED.redirect(ctx, pageOf(copy));
        } catch (PlanLimitExceeded e) {
            Notice.PLAN_LIMIT.redirect(ctx, pageOf(source));
        } catch (PipeFormatException e) {
            Notice.COPY_REFUSED.redirect(ctx, pageOf(source));
        }
    }

    /**
     * An anonymous form POST goes to the login page, which brings the visitor back to the pipe's
     * page (not to the action: a login link cannot repeat a POST). The answer is the same for
     * every id, so it tells nothing about which pipes exist.
     */
    private static boolean sentToLogIn(Context ctx) {
        if (Caller.user(ctx).isPresent()) {
            return false;
        }
        String back = "/pipe/" + ctx.pathParam("id");
        ctx.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        return true;
    }

    private static String pageOf(StoredPipe pipe) {
        return "/pipe/" + pipe.id();
    }

    private static Optional<Integer> parseVersion(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
