package dev.sluice.web.account;

import dev.sluice.app.PipeExport;
import dev.sluice.model.User;
import dev.sluice.store.PipeRepository;
import dev.sluice.web.Caller;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** {@code GET /settings/export}: all the caller's pipes as a JSON file to download ({@link PipeExport}). */
public final class ExportDownload {
    private final PipeRepository pipes;
    private final InstantSource clock;

    ExportDownload(PipeRepository pipes, InstantSource clock) {
        this.pipes = pipes;
        this.clock = clock;
    }

    public void download(Context ctx) throws IOException {
        User user = Caller.required(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PipeExport.write(user.email(), pipes.listByOwner(user.id()), clock.instant(), out);
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        ctx.header("Content-Disposition", "attachment; filename=\"sluice-pipes-" + day + ".json\"");
        // Feed keys and Webhook secrets are in it: for the owner's browser only.
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/json; charset=utf-8").result(out.toByteArray());
    }
}
