package dev.sluice.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sluice.app.PipeService;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.output.FeedOutputs;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.PipeLikes;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.PipeVersions;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API for pipes: list, create, read, change, delete, version history,
 * sharing, likes, tags and forks. Who may do what is {@link PipeAccess}'s business; what a
 * viewer sees is {@link PipeJsonView}'s.
 */
final class PipeApi {
    static final String NEEDS_TITLE = "Give the pipe a title before sharing it";

    private final PipeService pipes;
    private final PipeVersions versions;
    private final PipeLikes likes;
    private final PipeAccess access;
    private final PipeJsonView view;

    /** @param mailDomain the domain Inbox blocks receive mail at; null when this server receives none */
    PipeApi(PipeService pipes, PipeVersions versions, PipeLikes likes, FeedOutputs outputs, String mailDomain) {
        this.pipes = pipes;
        this.versions = versions;
        this.likes = likes;
        this.access = new PipeAccess(pipes);
        this.view = new PipeJsonView(outputs, mailDomain);
    }

    /** {@code GET /api/pipes}: the caller's own pipes, newest change first, without their JSON. */
    void list(Context ctx) {
        User user = Caller.required(ctx);
        Map<String, Integer> counts = likes.countsForOwner(user.id());
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (StoredPipe pipe : pipes.listByOwner(user.id())) {
            out.add(view.of(pipe, true, new PipeJsonView.Likes(counts.getOrDefault(pipe.id(), 0), false), false));
        }
        ctx.json(out);
    }

    /** {@code POST /api/pipes}: a new pipe of the caller; 201 with the stored pipe. */
    void create(Context ctx) {
        User user = Caller.required(ctx);
        PipeRequest r = PipeRequest.read(ctx);
        String json = r.pipeJson().orElseThrow(() -> new ApiError(400, "The request has no \"pipe\""));
        String title = r.title().orElse("");
        boolean isPublic = r.isPublic().orElse(false);
        if (isPublic && title.isBlank()) {
            throw new ApiError(400, NEEDS_TITLE);
        }
        PipeRepository.Draft draft = new PipeRepository.Draft(title, r.description().orElse(""), json, isPublic,
                r.tags().orElse(List.of()));
        created(ctx, saving(() -> pipes.create(user, draft)));
    }

    /** {@code GET /api/pipes/<id>}: the pipe for anyone who may read it. */
    void get(Context ctx) {
        StoredPipe pipe = access.readable(ctx);
        ctx.json(view.of(pipe, PipeAccess.owns(ctx, pipe), likesOf(ctx, pipe), true));
    }

    /**
     * {@code PUT /api/pipes/<id>}: changes the given fields. With {@code "pipe"} it saves a new
     * version (rolling back is putting an old version's JSON); without, the version stays.
     */
    void update(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can change it");
        PipeRequest r = PipeRequest.read(ctx);
        PipeRepository.Details details = new PipeRepository.Details(r.title().orElse(pipe.title()),
                r.description().orElse(pipe.description()), r.isPublic().orElse(pipe.isPublic()),
                r.tags().orElse(pipe.tags()));
        boolean sharingChanges = r.title().isPresent() || (details.isPublic() && !pipe.isPublic());
        if (details.isPublic() && details.title().isBlank() && sharingChanges) {
            throw new ApiError(400, NEEDS_TITLE);
        }
        StoredPipe saved = r.pipeJson().isPresent()
                ? saving(() -> pipes.update(pipe, new PipeRepository.Draft(details.title(), details.description(),
                        r.pipeJson().get(), details.isPublic(), details.tags())))
                : pipes.updateDetails(pipe, details);
        ctx.json(view.of(saved, true, likesOf(ctx, saved), true));
    }

    /** {@code DELETE /api/pipes/<id>}: 204. */
    void delete(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can delete it");
        pipes.delete(pipe.id());
        ctx.status(204);
    }

    /** {@code GET /api/pipes/<id>/versions}: the owner's history, newest first. */
    void versions(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can see its versions");
        ArrayNode out = Json.MAPPER.createArrayNode();
        versions.list(pipe.id()).forEach(v -> out.add(PipeJsonView.version(v, null)));
        ctx.json(out);
    }

    /** {@code GET /api/pipes/<id>/versions/<n>}: one version with its JSON. */
    void version(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can see its versions");
        Optional<PipeVersions.Snapshot> snapshot = versionNumber(ctx.pathParam("version"))
                .flatMap(n -> versions.find(pipe.id(), n));
        PipeVersions.Snapshot s = snapshot.orElseThrow(() -> new NotFound("No such version"));
        ctx.json(PipeJsonView.version(s.version(), s.json()));
    }

    /** {@code POST /api/pipes/<id>/share} and {@code /unshare}. */
    void share(Context ctx, boolean isPublic) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can share or unshare it");
        if (isPublic && pipe.title().isBlank()) {
            throw new ApiError(400, NEEDS_TITLE);
        }
        PipeRepository.Details d = PipeRepository.Details.of(pipe);
        StoredPipe saved = pipes.updateDetails(pipe, new PipeRepository.Details(d.title(), d.description(), isPublic, d.tags()));
        ctx.json(view.of(saved, true, likesOf(ctx, saved), true));
    }

    /** {@code PUT}/{@code POST /api/pipes/<id>/tags} with {@code {"tags": [...]}}. */
    void tags(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can tag it");
        PipeRequest r = PipeRequest.read(ctx);
        PipeRepository.Details d = PipeRepository.Details.of(pipe);
        StoredPipe saved = pipes.updateDetails(pipe, new PipeRepository.Details(d.title(), d.description(), d.isPublic(),
                r.tags().orElseThrow(() -> new ApiError(400, "The request has no \"tags\""))));
        ctx.json(view.of(saved, true, likesOf(ctx, saved), true));
    }

    /** {@code POST /api/pipes/<id>/like} and {@code /unlike}: others' public pipes; repeating changes nothing. */
    void like(Context ctx, boolean like) {
        StoredPipe pipe = access.like(ctx, likes, like);
        ctx.json(view.of(pipe, false, likesOf(ctx, pipe), true));
    }

    /** {@code POST /api/pipes/<id>/fork}: a private copy for the caller; 201 with the copy. */
    void fork(Context ctx) {
        User user = Caller.required(ctx);
        StoredPipe source = access.readable(ctx);
        created(ctx, saving(() -> pipes.fork(source, user)));
    }

    private void created(Context ctx, StoredPipe pipe) {
        ctx.status(201).header("Location", "/api/pipes/" + pipe.id());
        ctx.json(view.of(pipe, true, new PipeJsonView.Likes(0, false), true));
    }

    private PipeJsonView.Likes likesOf(Context ctx, StoredPipe pipe) {
        boolean byViewer = Caller.user(ctx).map(u -> likes.likedBy(pipe.id(), u.id())).orElse(false);
        return new PipeJsonView.Likes(likes.count(pipe.id()), byViewer);
    }

    private static Optional<Integer> versionNumber(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A save whose refusals become the API's errors: 400 naming the block. A plan's pipe limit
     * ({@code PlanLimitExceeded}) is mapped to 403 by the web server.
     */
    private static StoredPipe saving(Save save) {
        try {
            return save.run();
        } catch (PipeFormatException e) {
            throw new ApiError(400, e.getMessage(), e.firstBlockId());
        }
    }

    @FunctionalInterface
    private interface Save {
        StoredPipe run() throws PipeFormatException;
    }
}
