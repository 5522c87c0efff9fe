package dev.sluice.web.page;

import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.starter.Starter;
import dev.sluice.starter.Starters;
import dev.sluice.web.NotFound;
import dev.sluice.web.Templates;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /templates}: the starter templates, each opening in the editor as an unsaved copy. */
public final class StarterPage {
    private final Starters starters;
    private final Templates templates;

    public StarterPage(Starters starters, Templates templates) {
        this.starters = starters;
        this.templates = templates;
    }

    public void show(Context ctx) {
        templates.render(ctx, "starters", Map.of("starters", starters.all()));
    }

    /** {@code /templates/<id>/thumbnail.svg}: the template's graph, as the gallery draws pipes. */
    public void thumbnail(Context ctx) {
        Starter starter = starters.find(ctx.pathParam("id")).orElseThrow(() -> new NotFound("No such template"));
        String svg;
        try {
            svg = ThumbnailSvg.of(PipeCodec.parse(starter.pipe().toString()));
        } catch (PipeFormatException e) {
            throw new IllegalStateException("starter templates are checked when they are loaded", e);
        }
        // Templates change only with a new release.
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
    }
}
