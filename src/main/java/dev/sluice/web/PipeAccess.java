package dev.sluice.web;

import dev.sluice.app.PipeService;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.PipeLikes;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who may do what with a pipe, in one place. A private pipe is its owner's alone:
 * to anyone else it does not exist (404, never 403, so ids cannot be probed). A public pipe is
 * readable by all; only its owner changes it, others get 403. Changes need a logged-in caller
 * first (401), whatever the pipe.
 */
public final class PipeAccess {
    private final PipeService pipes;

    public PipeAccess(PipeService pipes) {
        this.pipes = pipes;
    }

    /** True when the request's caller owns {@code pipe}. */
    public static boolean owns(Context ctx, StoredPipe pipe) {
        return owns(Caller.user(ctx), pipe);
    }

    public static boolean owns(Optional<User> user, StoredPipe pipe) {
        return user.isPresent() && user.get().id() == pipe.ownerId();
    }

    /** The pipe, if the caller (perhaps anonymous) may read it; otherwise 404. */
    public StoredPipe readable(Context ctx) {
        Optional<User> user = Caller.user(ctx);
        return pipes.find(ctx.pathParam("id"))
                .filter(p -> p.isPublic() || owns(user, p))
                .orElseThrow(() -> new NotFound("No such pipe"));
    }

    /**
     * The pipe, for its owner: 401 for anonymous callers, 404 when the caller may not even read
     * it, and 403 with {@code refusal} when they may read it but it is not theirs.
     */
    public StoredPipe owned(Context ctx, String refusal) {
        Caller.required(ctx);
        StoredPipe pipe = readable(ctx);
        if (!owns(ctx, pipe)) {
            throw new ApiError(403, refusal);
        }
        return pipe;
    }

    /**
     * The caller likes (or no longer likes) the pipe of this request: someone else's pipe they may
     * read — a 403 for one's own. Repeating changes nothing. The API and the pipe page's form both
     * come here.
     */
    public StoredPipe like(Context ctx, PipeLikes likes, boolean like) {
        User user = Caller.required(ctx);
        StoredPipe pipe = readable(ctx);
        if (owns(ctx, pipe)) {
            throw new ApiError(403, "You cannot like your own pipe");
        }
        if (like) {
            likes.like(pipe.id(), user.id());
        } else {
            likes.unlike(pipe.id(), user.id());
        }
        return pipe;
    }
}
