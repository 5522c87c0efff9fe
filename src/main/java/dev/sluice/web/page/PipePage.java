package dev.sluice.web.page;

import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.output.FeedOutputs;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.PipeLikes;
import dev.sluice.store.PipeRuns;
import dev.sluice.store.PipeVersions;
import dev.sluice.web.Caller;
import dev.sluice.web.PipeAccess;
import dev.sluice.web.Templates;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /pipe/<id>}: a pipe's page — what it is, its feeds and parameters, and what the viewer
 * may do with it (the owner: edit, share, tag, duplicate, delete, roll back; others: like and
 * fork a public pipe). Also its delete confirmation and its thumbnail. A private pipe is its
 * owner's alone: 404 for everyone else.
 */
public final class PipePage {
    private final PipeAccess access;
    private final FeedOutputs outputs;
    private final PipeLikes likes;
    private final PipeRuns runs;
    private final VersionHistory history;
    private final Templates templates;
    private final InstantSource clock;
    private final dev.sluice.health.PipeHealth health;

    public PipePage(PipeAccess access, FeedOutputs outputs, PipeLikes likes, PipeRuns runs,
                    PipeVersions versions, Templates templates, InstantSource clock, dev.sluice.health.PipeHealth health) {
        this.health = health;
        this.access = access;
        this.outputs = outputs;
        this.likes = likes;
        this.runs = runs;
        this.history = new VersionHistory(versions);
        this.templates = templates;
        this.clock = clock;
    }

    /** A feed link of the page. */
    public record FeedLink(String label, String url) {
    }

    /** {@code GET /pipe/<id>}. */
    public void show(Context ctx) {
        StoredPipe pipe = access.readable(ctx);
        Optional<User> viewer = Caller.user(ctx);
        boolean owner = PipeAccess.owns(ctx, pipe);
        Map<String, Object> model = new HashMap<>();
        model.put("pipe", pipe);
        model.put("title", displayTitle(pipe));
        model.put("owner", owner);
        model.put("loggedIn", viewer.isPresent());
        model.put("tagsText", String.join(", ", pipe.tags()));
        model.put("likes", likes.count(pipe.id()));
        model.put("liked", viewer.map(u -> likes.likedBy(pipe.id(), u.id())).orElse(false));
        model.put("params", outputs.parameterNames(pipe));
        model.put("feeds", List.of(new FeedLink("RSS", outputs.feedUrl(pipe, OutputFormat.RSS)),
                new FeedLink("Atom", outputs.feedUrl(pipe, OutputFormat.ATOM)),
                new FeedLink("JSON Feed", outputs.feedUrl(pipe, OutputFormat.JSON))));
        if (owner) {
            model.put("lastRun", RunStatusView.of(runs.find(pipe.id()).orElse(null), clock.instant()));
            model.put("versions", history.of(pipe, clock.instant()));
            // pipe health and alerts: the owner's alone, like the version history
            model.put("health", HealthView.of(health.of(pipe.id())));
            model.put("runs", health.runs(pipe.id()).stream().map(RunRowView::of).toList());
            model.put("alerts", health.settings(pipe.id()));
            model.put("failuresToAlert", health.limits().failuresToAlert());
            model.put("incidents", health.incidents(pipe.id()).stream().map(IncidentView::of).toList());
        }
        templates.render(ctx, "pipe", model);
    }

    /** {@code GET /pipe/<id>/delete}: asks first, so deleting works without JavaScript. */
    public void confirmDelete(Context ctx) {
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can delete it");
        templates.render(ctx, "pipe-delete", Map.of("pipe", pipe, "title", displayTitle(pipe)));
    }

    /** {@code GET /pipe/<id>/thumbnail.svg}: the graph as a small SVG, for whoever may see the pipe. */
    public void thumbnail(Context ctx) {
        StoredPipe pipe = access.readable(ctx);
        String svg;
        try {
            svg = ThumbnailSvg.of(PipeCodec.parse(pipe.json()));
        } catch (PipeFormatException e) {
            svg = ThumbnailSvg.of(new PipeDoc(List.of(), null));
        }
        // The version is in the URL the pages use, so a saved change is a new URL; a day is safe.
        ctx.header("Cache-Control", (pipe.isPublic() ? "public" : "private") + ", max-age=86400");
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
    }

    static String displayTitle(StoredPipe pipe) {
        return pipe.title().isBlank() ? "Untitled pipe " + pipe.id() : pipe.title();
    }

    /** The thumbnail URL of a pipe's current version. */
    static String thumbnailUrl(String pipeId, int version) {
        return "/pipe/" + pipeId + "/thumbnail.svg?v=" + version;
    }
}
