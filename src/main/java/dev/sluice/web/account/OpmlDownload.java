package dev.sluice.web.account;

import dev.sluice.feed.OpmlWriter;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.User;
import dev.sluice.output.FeedOutputs;
import dev.sluice.store.PipeRepository;
import dev.sluice.web.Caller;
import io.javalin.http.Context;
import java.time.InstantSource;

/**
 * {@code GET /mypipes.opml}: the caller's pipe feeds as an OPML 2.0 subscription list, for
 * importing into a feed reader in one go. Private pipes' URLs carry their feed key, so the list
 * works in readers that cannot log in — and is the owner's alone.
 */
public final class OpmlDownload {
    private final PipeRepository pipes;
    private final FeedOutputs outputs;
    private final InstantSource clock;
    private final String baseUrl;

    OpmlDownload(PipeRepository pipes, FeedOutputs outputs, InstantSource clock, String baseUrl) {
        this.pipes = pipes;
        this.outputs = outputs;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public void download(Context ctx) {
        User user = Caller.required(ctx);
        var outlines = pipes.listByOwner(user.id()).stream()
                .map(p -> new OpmlWriter.Outline(p.title().isBlank() ? "Pipe " + p.id() : p.title(),
                        outputs.feedUrl(p, OutputFormat.RSS), baseUrl + "/pipe/" + p.id()))
                .toList();
        String opml = OpmlWriter.write("Sluice pipes of " + user.email(), clock.instant(), outlines);
        ctx.header("Content-Disposition", "attachment; filename=\"sluice-pipes.opml\"");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("text/x-opml; charset=utf-8").result(opml);
    }
}
