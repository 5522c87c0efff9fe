package dev.sluice.web.page;

import dev.sluice.store.PipeGallery;
import dev.sluice.web.Caller;
import dev.sluice.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** {@code /}: what Sluice is, the most liked public pipes, and a way in; logged-in visitors go to their pipes. */
public final class LandingPage {
    static final int HIGHLIGHTS = 6;

    private final PipeGallery gallery;
    private final Templates templates;

    public LandingPage(PipeGallery gallery, Templates templates) {
        this.gallery = gallery;
        this.templates = templates;
    }

    public void show(Context ctx) {
        if (Caller.user(ctx).isPresent()) {
            ctx.redirect("/mypipes", HttpStatus.FOUND);
            return;
        }
        var top = gallery.find(new PipeGallery.Query("", "", PipeGallery.Order.LIKES, 1)).entries();
        templates.render(ctx, "landing", Map.of("cards", GalleryPage.cards(top.stream().limit(HIGHLIGHTS).toList())));
    }
}
