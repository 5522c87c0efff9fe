package dev.sluice.web.page;

import dev.sluice.starter.Starters;
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
}
